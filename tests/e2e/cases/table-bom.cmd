qzreport table --bom data/quzhou-2023.txt | head -c 3 | od -An -tx1
