build-prof/outfile.o: src/outfile.c src/cli.h include/qzreport.h
src/cli.h:
include/qzreport.h:
