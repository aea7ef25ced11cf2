build-prof/json.o: src/json.c src/internal.h include/qzreport.h
src/internal.h:
include/qzreport.h:
