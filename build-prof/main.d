build-prof/main.o: src/main.c src/cli.h include/qzreport.h
src/cli.h:
include/qzreport.h:
