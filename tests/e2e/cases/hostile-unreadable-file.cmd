qzreport summarize /proc/self/mem; echo "rc=$?"
