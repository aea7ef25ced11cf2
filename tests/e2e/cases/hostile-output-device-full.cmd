qzreport summarize -o /dev/full data/quzhou-2023.txt; echo "rc=$?"; ls -l /dev/full | cut -c1
