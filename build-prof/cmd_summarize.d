build-prof/cmd_summarize.o: src/cmd_summarize.c src/cli.h \
 include/qzreport.h
src/cli.h:
include/qzreport.h:
