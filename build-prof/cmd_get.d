build-prof/cmd_get.o: src/cmd_get.c src/cli.h include/qzreport.h
src/cli.h:
include/qzreport.h:
