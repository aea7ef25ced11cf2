build-prof/number.o: src/number.c src/number.h include/qzreport.h
src/number.h:
include/qzreport.h:
