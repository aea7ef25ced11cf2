# a pattern that compiles alone but not once built into its search (\\Q runs to the end): the file is named
qzreport metrics --rules tests/fixtures/rules/bad-wrapped.yaml data/quzhou-2023.txt
