# a rules file adds its metrics to the list (the government report key of README "Rules")
qzreport keys --rules tests/fixtures/rules/government.yaml -f tsv | grep "^economy.gdp_growth_target"
