build-prof/cli.o: src/cli.c src/cli.h include/qzreport.h
src/cli.h:
include/qzreport.h:
