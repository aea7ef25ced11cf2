# --lang zh and --lang en summaries (Markdown, HTML) carry no label of the other language;
# tests/e2e/labels.sh says how it is checked. The reports exercise every label of src/labels.c
# (qualifiers, traditional script, page numbers, an inconsistent rate, pp, sections under no
# part, no header at all).
sh tests/e2e/labels.sh data/quzhou-2023.txt tests/fixtures/qualifiers.txt \
    tests/fixtures/no-headings.txt tests/fixtures/pdf-page-numbers.txt \
    tests/fixtures/metrics/district-rate-mismatch.txt tests/fixtures/metrics/traditional-script.txt \
    tests/fixtures/metrics/heldout4-2024-national.txt \
    tests/fixtures/metrics/heldout6-mixed-qualifiers.txt \
    tests/fixtures/metrics/heldout3-npc-summary.txt
