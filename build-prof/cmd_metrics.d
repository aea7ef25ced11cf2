build-prof/cmd_metrics.o: src/cmd_metrics.c src/cli.h include/qzreport.h
src/cli.h:
include/qzreport.h:
