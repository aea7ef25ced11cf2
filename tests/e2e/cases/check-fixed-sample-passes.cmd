qzreport fix data/quzhou-2023.txt | qzreport check -; echo "rc=$?"
