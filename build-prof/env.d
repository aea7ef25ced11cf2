build-prof/env.o: src/env.c src/internal.h include/qzreport.h
src/internal.h:
include/qzreport.h:
