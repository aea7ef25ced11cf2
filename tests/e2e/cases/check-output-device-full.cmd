# written file by file: the error comes from the renderer, named by the output it writes to
qzreport check -f sarif -o /dev/full data/quzhou-2023.txt; echo "rc=$?"; qzreport check -f gcc data/quzhou-2023.txt > /dev/full; echo "rc=$?"
