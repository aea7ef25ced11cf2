"""table_check.py — reads the output of `qzreport table` back the way a user's tools would,
with Python's standard library only, and prints what the e2e cases compare (table-*-python).

  table_check.py csv FILE COLUMN...   the CSV through the csv module: whether it starts with
                                      a BOM, the rows and their field counts, then COLUMN of
                                      each row
  table_check.py xlsx FILE COLUMN...  the workbook through zipfile and xml.etree: its sheets
                                      in order, each with its row count, frozen pane and first
                                      row; then COLUMN of each row of the first sheet, typed
  table_check.py figures FILE REPORT  each report's figure count on the second sheet (and how
                                      many are first mentions), then every row of REPORT, typed
  table_check.py rates FILE           every row of the third sheet, typed
  table_check.py same FILE TSV        the first sheet against `table -f tsv` of the same
                                      reports, cell by cell: the same text, numbers as
                                      numeric cells and everything else as text
  table_check.py same-figures FILE TSV  the second sheet against `metrics --all` of the same
                                      reports (several files: the file name first), each of
                                      its keyed lines in order: key, value, qualifier, unit,
                                      line, quote

A typed cell is n:VALUE (a numeric cell), s:TEXT (a shared string), b:TRUE or b:FALSE (a
boolean), or - (no cell): so a test sees that 96.9 is a number and 3..5 is text.
"""
import csv
import io
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def check_csv(path, columns):
    data = open(path, "rb").read()
    print("bom:", "yes" if data.startswith(b"\xef\xbb\xbf") else "no")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    widths = sorted({len(r) for r in rows})
    print(f"rows: {len(body)} after the header; fields per row: {widths}")
    print("header starts:", header[:3])
    at = [header.index(c) for c in columns]
    print(" | ".join(columns))
    for r in body:
        print(" | ".join(r[i] if r[i] else "-" for i in at))


def column_index(ref):
    """A1 -> 0, AB7 -> 27."""
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


class Book:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.strings = []
        if "xl/sharedStrings.xml" in self.zip.namelist():
            root = ET.fromstring(self.zip.read("xl/sharedStrings.xml"))
            for si in root.iter(MAIN + "si"):
                self.strings.append("".join(t.text or "" for t in si.iter(MAIN + "t")))
        rels = ET.fromstring(self.zip.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels.iter(PKG_REL + "Relationship")}
        wb = ET.fromstring(self.zip.read("xl/workbook.xml"))
        self.sheets = [(s.get("name"), "xl/" + target[s.get(REL + "id")])
                       for s in wb.iter(MAIN + "sheet")]

    def sheet(self, i):
        return ET.fromstring(self.zip.read(self.sheets[i][1]))

    def typed(self, c):
        if c is None:
            return "-"
        t = c.get("t", "n")
        v = c.find(MAIN + "v")
        v = v.text if v is not None else ""
        if t == "s":
            return "s:" + self.strings[int(v)]
        if t == "b":
            return "b:" + ("TRUE" if v == "1" else "FALSE")
        if t == "n":
            f = float(v)
            return "n:" + (str(int(f)) if f.is_integer() else repr(f))
        return t + ":" + v

    def rows(self, i):
        """Each row of sheet i as a list of its cells (None where there is no cell)."""
        out = []
        for row in self.sheet(i).iter(MAIN + "row"):
            cells = {column_index(c.get("r")): c for c in row.iter(MAIN + "c")}
            width = max(cells) + 1 if cells else 0
            out.append([cells.get(k) for k in range(width)])
        return out

    def text(self, c):
        return self.typed(c).split(":", 1)[1] if c is not None else ""


def check_xlsx(path, columns):
    with open(path, "rb") as f:
        print("starts with:", f.read(2))
    b = Book(path)
    print("sheets:", ", ".join(name for name, _ in b.sheets))
    for i, (name, _) in enumerate(b.sheets):
        pane = b.sheet(i).find(f"{MAIN}sheetViews/{MAIN}sheetView/{MAIN}pane")
        frozen = "none" if pane is None else " ".join(
            f"{k}={pane.get(k)}" for k in ("xSplit", "ySplit", "topLeftCell", "state")
            if pane.get(k) is not None)
        rows = b.rows(i)
        print(f"{name}: {len(rows)} rows; pane: {frozen}")
        print("  first row:", ", ".join(b.typed(c) for c in rows[0]))
    rows = b.rows(0)
    header = [b.text(c) for c in rows[0]]
    at = [header.index(c) for c in columns]
    print(" | ".join(columns))
    for r in rows[1:]:
        print(" | ".join(b.typed(r[i] if i < len(r) else None) for i in at))


def check_figures(path, report):
    b = Book(path)
    rows = b.rows(1)
    header = [b.text(c) for c in rows[0]]
    file, first = header.index("file"), header.index("first")
    counts = {}
    for r in rows[1:]:
        n = counts.setdefault(b.text(r[file]), [0, 0])
        n[0] += 1
        n[1] += b.typed(r[first]) == "b:TRUE"
    for name, (n, firsts) in counts.items():
        print(f"{name}: {n} figures, {firsts} first mentions")
    print(" | ".join(header))
    for r in rows[1:]:
        if b.text(r[file]) == report:
            print(" | ".join(b.typed(c) for c in r))


def check_rates(path):
    b = Book(path)
    for r in b.rows(2):
        print(" | ".join(b.typed(c) for c in r))


def number_text(s):
    """Whether the table writes s as a number: one decimal, not a range such as 3..5."""
    return re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", s) is not None


def check_same(path, tsv):
    b = Book(path)
    rows = b.rows(0)
    lines = [l.split("\t") for l in open(tsv, encoding="utf-8").read().splitlines()]
    bad = 0
    if len(rows) != len(lines):
        print(f"{len(rows)} rows on the sheet, {len(lines)} lines in the TSV")
        bad += 1
    numbers = 0
    for y, (row, line) in enumerate(zip(rows, lines)):
        row = row + [None] * (len(line) - len(row))
        for x, (c, want) in enumerate(zip(row, line)):
            got = b.typed(c)
            # a number as the library wrote it: read back, it is the same double
            ok = got == "-" if want == "" else (
                got.startswith("n:") and float(got[2:]) == float(want)
                if y > 0 and number_text(want) and x not in (0, 1, 2, 3, 4, 6)
                else got == "s:" + want)
            numbers += ok and got.startswith("n:")
            if not ok:
                print(f"row {y + 1} column {x + 1}: {got} on the sheet, {want!r} in the TSV")
                bad += 1
    if not bad:
        print(f"reports sheet = TSV: {len(lines)} rows of {len(lines[0])} cells, "
              f"{numbers} of them numeric")


def check_same_figures(path, tsv):
    b = Book(path)
    rows = [[b.text(c) for c in r] for r in b.rows(1)[1:]]
    # FILE KEY VALUE QUALIFIER UNIT LINE QUOTE -> file key value unit qualifier line quote
    want = [[f, k, v, u, q, l, quote] for f, k, v, q, u, l, quote in
            (l.split("\t") for l in open(tsv, encoding="utf-8").read().splitlines())
            if k != "quantity"]
    got = [[r[0], r[1], r[2], r[3], r[4], r[5], r[7]] for r in rows]
    for g, w in zip(got, want):
        if g != w:
            print("sheet:", g)
            print("  TSV:", w)
    if got == want:
        print(f"figures sheet = metrics --all, keyed lines: {len(got)} rows")
    else:
        print(f"figures sheet differs: {len(got)} rows, {len(want)} keyed lines")


if __name__ == "__main__":
    mode, path, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    if mode == "csv":
        check_csv(path, rest)
    elif mode == "xlsx":
        check_xlsx(path, rest)
    elif mode == "figures":
        check_figures(path, rest[0])
    elif mode == "rates":
        check_rates(path)
    elif mode == "same":
        check_same(path, rest[0])
    elif mode == "same-figures":
        check_same_figures(path, rest[0])
    else:
        sys.exit(f"table_check.py: unknown mode {mode}")
