#!/bin/sh
# labels.sh FILE... — the e2e case summarize-lang-labels: a summary for people in one language
# carries no label of the other. For each FILE (a UTF-8 report), the Markdown and HTML
# summaries are written with --lang zh and --lang en, and their text (HTML: without tags and
# head) is checked against what is not a label: the report's own text, as the file has it and
# as the YAML summary and `metrics --all` give it (titles, quotes, speaker, units), and the
# rules' text in that language (the keys, which are identifiers, and what each counts).
#
#  A. zh: every English word is one of those (no English label is left);
#  B. en: every run of Chinese (non-ASCII characters and the digits between them) is one of
#     those, “”—– taken as separators, since both languages put them around the report's text
#     (no Chinese label is left);
#  C. the label table (src/labels.c, read here, one label a line): no label of the other
#     language is in a summary, once what is not a label is taken out of it; a format's
#     conversions match anything (第%zu行 is 第[0-9]+行);
#  D. every label with words in it is in some summary of its own language: the files exercise
#     the table whole, and C looks for labels that are written.
#
# Prints each failure, or "ok" when there is none.
set -u
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
complain() {
    echo "$*"
    : >"$tmp/failed"
}

# ID<TAB>zh<TAB>en, one per label
sed -n 's/^ *\[\(QZ_LABEL_[A-Z_]*\)\] = {"\(.*\)", "\(.*\)"},$/\1\t\2\t\3/p' src/labels.c >"$tmp/labels"
want=$(grep -c '^ *QZ_LABEL_[A-Z_]*,' src/labels.h)
got=$(wc -l <"$tmp/labels")
[ "$want" = "$got" ] || complain "src/labels.c: $got labels read, src/labels.h names $want"

# A printf format as an ERE: the literal escaped, each conversion a wildcard, and a word
# boundary at an end that is a Latin letter (pp is not the pp of appointments).
to_ere() {
    printf '%s\n' "$1" | sed -e 's/[][\.*^$+?(){}|]/\\&/g' -e 's/%\\\.\\\*s/.*/g' \
        -e 's/%zu/[0-9]+/g' -e 's/%d/[0-9]+/g' -e 's/%s/.*/g' -e 's/%%/%/g' \
        -e 's/^[A-Za-z]/\\b&/' -e 's/[A-Za-z]$/&\\b/'
}
# Whether a label has words (Latin letters or Han), not only punctuation and conversions.
has_words() {
    printf '%s\n' "$1" | sed -e 's/%\.\*s//g' -e 's/%zu//g' -e 's/%[ds%]//g' |
        grep -qP '[A-Za-z]|\p{Han}'
}
# The text of an HTML page: no head, no tags, the entities read.
html_text() {
    sed -e '/<head>/,/<\/head>/d' -e 's/<[^>]*>/\n/g' "$1" |
        sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&amp;/\&/g'
}
# Takes out of standard input every piece of text that `pattern` (an awk ERE) finds and that
# is in the file `known`; prints what is left.
take_out_known() {
    awk -v pattern="$2" 'NR == FNR { known = known "\n" $0; next }
        { out = ""; line = $0
          while (match(line, pattern)) {
              piece = substr(line, RSTART, RLENGTH)
              out = out substr(line, 1, RSTART - 1) (index(known, piece) ? " " : piece)
              line = substr(line, RSTART + RLENGTH) }
          print out line }' "$1" -
}

qzreport keys --format tsv | sed 1d >"$tmp/keys"
n=0
for f in "$@"; do
    n=$((n + 1))
    # what is not a label: the report's text with its lines joined (a quote may span a
    # repaired break), its YAML summary and figures, the rules' keys and units and text
    {
        tr -d '\r\n' <"$f"
        echo
        qzreport summarize "$f"
        qzreport metrics --all "$f"
        printf '%s\n' "$f" utf-8 gb18030
    } >"$tmp/own"
    { cat "$tmp/own"; cut -f1,2,3,4 "$tmp/keys"; } | sed 's/[“”—–]/ /g' >"$tmp/known.zh"
    { cat "$tmp/own"; cut -f1,2,3,5 "$tmp/keys"; } | sed 's/[“”—–]/ /g' >"$tmp/known.en"
    for lang in zh en; do
        out=$tmp/$n.$lang
        qzreport summarize -f markdown --lang $lang "$f" >"$out.md" ||
            complain "$f: markdown $lang failed"
        qzreport summarize -f html --lang $lang "$f" >"$out.html" ||
            complain "$f: html $lang failed"
        # Markdown's escapes (audit.rectification\_rate) read
        { sed 's/\\\([[:punct:]]\)/\1/g' "$out.md"; html_text "$out.html"; } >"$out.raw"
        sed 's/[“”—–]/ /g' "$out.raw" >"$out.all"
    done
    # zh: identifiers, paths and the report's words out, then English words (A)
    take_out_known "$tmp/known.zh" '[A-Za-z0-9_./-]*[A-Za-z][A-Za-z0-9_./-]*' \
        <"$tmp/$n.zh.all" >"$tmp/$n.zh.masked"
    grep -oE '[A-Za-z]+' "$tmp/$n.zh.masked" | sort -u >"$tmp/words"
    while read -r w; do
        complain "$f: zh: English word '$w'"
    done <"$tmp/words"
    # en: the report's own Chinese out, then Chinese (B)
    take_out_known "$tmp/known.en" '[^\001-\177]([^\001-\177]|[0-9])*[^\001-\177]|[^\001-\177]' \
        <"$tmp/$n.en.all" >"$tmp/$n.en.masked"
    grep -oP '[^\x00-\x7f]+' "$tmp/$n.en.masked" | sort -u >"$tmp/words"
    while read -r w; do
        complain "$f: en: Chinese not in the report: '$w'"
    done <"$tmp/words"

    # C: the other language's labels, their separators as in the masked text
    while IFS="$(printf '\t')" read -r id zh en; do
        zh=$(printf '%s\n' "$zh" | sed 's/[“”—–]/ /g')
        en=$(printf '%s\n' "$en" | sed 's/[“”—–]/ /g')
        if has_words "$en" && grep -nE -- "$(to_ere "$en")" "$tmp/$n.zh.masked" >"$tmp/hit"; then
            complain "$f: zh summary has $id ('$en'): $(head -1 "$tmp/hit")"
        fi
        if has_words "$zh" && grep -nE -- "$(to_ere "$zh")" "$tmp/$n.en.masked" >"$tmp/hit"; then
            complain "$f: en summary has $id ('$zh'): $(head -1 "$tmp/hit")"
        fi
    done <"$tmp/labels"
done

# D: each label in some summary of its language
cat "$tmp"/*.zh.raw >"$tmp/all.zh"
cat "$tmp"/*.en.raw >"$tmp/all.en"
while IFS="$(printf '\t')" read -r id zh en; do
    has_words "$zh" && ! grep -qE -- "$(to_ere "$zh")" "$tmp/all.zh" &&
        complain "no zh summary has $id ('$zh'): add a report that needs it"
    has_words "$en" && ! grep -qE -- "$(to_ere "$en")" "$tmp/all.en" &&
        complain "no en summary has $id ('$en'): add a report that needs it"
done <"$tmp/labels"
[ -e "$tmp/failed" ] || echo ok
