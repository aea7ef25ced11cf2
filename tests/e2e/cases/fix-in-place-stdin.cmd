qzreport fix --in-place -
