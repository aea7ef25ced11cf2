build-prof/yaml.o: src/yaml.c src/internal.h include/qzreport.h
src/internal.h:
include/qzreport.h:
