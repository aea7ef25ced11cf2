qzreport summarize tests/fixtures
