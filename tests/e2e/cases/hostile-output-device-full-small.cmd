# output small enough to stay in the stream's buffer: the error comes with the last flush, and names the device
qzreport metrics -f env -o /dev/full data/quzhou-2023.txt; echo "rc=$?"
