build-prof/util.o: src/util.c src/internal.h include/qzreport.h
src/internal.h:
include/qzreport.h:
