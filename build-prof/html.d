build-prof/html.o: src/html.c src/internal.h include/qzreport.h
src/internal.h:
include/qzreport.h:
