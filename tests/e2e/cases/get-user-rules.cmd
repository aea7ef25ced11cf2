qzreport get --rules tests/fixtures/rules/government.yaml economy.gdp_growth economy.gdp_growth_target tests/fixtures/government-report.txt
