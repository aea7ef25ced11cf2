qzreport fix data/quzhou-2023.txt | sed "s/整改率达到96.9%/整改率达到97.9%/" | qzreport check -; echo "rc=$?"
