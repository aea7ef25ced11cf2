build-prof/tsv.o: src/tsv.c src/internal.h include/qzreport.h
src/internal.h:
include/qzreport.h:
