# complete.fish SCRIPT CASES WORK — sources the fish completion SCRIPT, then completes each line
# of CASES with `complete -C` and prints LINE<TAB>COMPLETIONS, sorted and joined by spaces
# (their descriptions left out). "@DIR LINE" completes LINE in WORK/DIR, others in WORK.
source $argv[1]; or exit 2
set -l work $argv[3]
for line in (cat $argv[2])
    set -l orig $line
    set -l sub .
    if string match -q -- '@*' $line
        set -l parts (string split -m 1 ' ' -- $line)
        set sub (string sub -s 2 -- $parts[1])
        set line $parts[2]
    end
    cd $work/$sub; or exit 2
    set -l got (complete -C "$line" | string replace -r '\t.*' '' | env LC_ALL=C sort -u | string join ' ')
    printf '%s\t%s\n' $orig "$got"
end
