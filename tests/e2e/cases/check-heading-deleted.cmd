qzreport fix data/quzhou-2023.txt | sed "/^三、聚力/d" | qzreport check -; echo "rc=$?"
