qzreport check -f gcc --rule halfwidth-punct=off --rule broken-line=warning data/quzhou-2023.txt; echo "rc=$?"
