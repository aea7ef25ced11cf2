qzreport check -f gcc --rules tests/fixtures/rules/catastrophic.yaml tests/fixtures/hostile/aaaa.txt 2>&1; echo "rc=$?"
