build-prof/rules.o: src/rules.c src/builtin.h src/rules.h src/internal.h \
 include/qzreport.h
src/builtin.h:
src/rules.h:
src/internal.h:
include/qzreport.h:
