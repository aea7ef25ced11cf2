# complete.bash SCRIPT CASES WORK — sources the bash completion SCRIPT, then completes each line
# of CASES as bash would (COMP_WORDS split at spaces and at '=', as COMP_WORDBREAKS does;
# COMP_CWORD the last word, empty after a final space) and prints LINE<TAB>REPLIES, the
# replies sorted and joined by spaces. "@DIR LINE" completes LINE in WORK/DIR, others in WORK.
source "$1" || exit 2
cases=$2
work=$3
while IFS= read -r line; do
    orig=$line
    sub=.
    if [[ $line == @* ]]; then
        sub=${line%% *}
        sub=${sub#@}
        line=${line#* }
    fi
    words=()
    read -ra tokens <<<"$line"
    for t in "${tokens[@]}"; do
        while [[ $t == *=* ]]; do
            [[ -n ${t%%=*} ]] && words+=("${t%%=*}")
            words+=("=")
            t=${t#*=}
        done
        [[ -n $t ]] && words+=("$t")
    done
    [[ $line == *' ' ]] && words+=("")
    cd "$work/$sub" || exit 2
    COMP_WORDS=("${words[@]}")
    COMP_CWORD=$((${#words[@]} - 1))
    COMPREPLY=()
    _qzreport
    printf '%s\t%s\n' "$orig" "$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/^ *//; s/ $//')"
done <"$cases"
