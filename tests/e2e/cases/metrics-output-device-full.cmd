# A small output to a device fails only when it is flushed at commit: the device is named.
qzreport metrics -o /dev/full data/quzhou-2023.txt; echo "rc=$?"
