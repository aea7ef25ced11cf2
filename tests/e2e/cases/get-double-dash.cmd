# the leading known keys are the keys; `--` ends them explicitly (then each must be a key), so
# that a file named like a key can be read
cp data/quzhou-2023.txt "$TMP/meetings.standing_committee" && cd "$TMP" || exit 9
qzreport get meetings.standing_committee laws.enacted -- meetings.standing_committee; echo "rc=$?"
qzreport get laws.enacted ./meetings.standing_committee; echo "rc=$?"
qzreport get laws.enacted meetings.standing_committee; echo "rc=$?"
qzreport get laws.enacted meetings.standing_comittee -- meetings.standing_committee; echo "rc=$?"
qzreport get -- meetings.standing_committee; echo "rc=$?"
