build-prof/markdown.o: src/markdown.c src/internal.h include/qzreport.h
src/internal.h:
include/qzreport.h:
