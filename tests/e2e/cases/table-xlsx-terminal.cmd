# a workbook is binary: refused on a terminal (standard output, or -o naming one), exit code 2,
# nothing written to it; Python's pty module makes the terminal
python3 - <<'PY'
import os, pty, subprocess
for args in ([], ["-o", "TTY"]):
    master, slave = pty.openpty()
    args = [os.ttyname(slave) if a == "TTY" else a for a in args]
    p = subprocess.run(["qzreport", "table", "-f", "xlsx", *args, "data/quzhou-2023.txt"],
                       stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    try:
        shown = os.read(master, 65536)
    except OSError:  # EIO: the terminal's other end is closed and nothing is left to read
        shown = b""
    os.close(master)
    print("-o TTY" if args else "stdout", "exit", p.returncode, "bytes on the terminal", len(shown))
    print(p.stderr.decode(), end="")
PY
