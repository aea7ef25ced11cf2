qzreport check -f gcc data/quzhou-2023.txt | grep -c -E "rate-mismatch|heading-sequence"
