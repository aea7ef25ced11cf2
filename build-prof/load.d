build-prof/load.o: src/load.c src/rules.h src/internal.h \
 include/qzreport.h
src/rules.h:
src/internal.h:
include/qzreport.h:
