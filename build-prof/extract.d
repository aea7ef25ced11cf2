build-prof/extract.o: src/extract.c src/number.h include/qzreport.h \
 src/rules.h src/internal.h
src/number.h:
include/qzreport.h:
src/rules.h:
src/internal.h:
