build-prof/section.o: src/section.c src/number.h include/qzreport.h \
 src/rules.h src/internal.h
src/number.h:
include/qzreport.h:
src/rules.h:
src/internal.h:
