# complete.zsh DIR CASES WORK — completes each line of CASES in an interactive zsh on a
# pseudo-terminal (zsh/zpty), with compinit loading _qzreport from DIR, and prints
# LINE<TAB>MATCHES: what the completion functions offered for the word at the cursor (compadd
# wrapped: builtin compadd -A gives the matches it keeps), sorted and joined by spaces. "@DIR
# LINE" completes LINE in WORK/DIR, others in WORK.
zmodload zsh/zpty || exit 2
dir=$1 cases=$2 work=$3
out=$(mktemp) || exit 2
zpty -b z zsh -f -i || exit 2
zpty -w z "PROMPT='' RPROMPT=''; fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'compadd() { local -a hits; builtin compadd -A hits "$@"; (( $#hits )) && print -rl -- $hits >>'${(q)out}'; builtin compadd "$@" }'
zpty -w z "zstyle ':completion:*' menu no; zstyle ':completion:*' list-prompt ''; LISTMAX=0"
typeset -a lines
lines=("${(@f)$(<$cases)}")
integer n=0
for line in $lines; do
  (( n++ ))
  sub=.
  if [[ $line == @* ]]; then
    sub=${${line%% *}#@}
    line=${line#* }
  fi
  zpty -w z "cd ${(q)work}/${(q)sub}; print -r -- '### $n' >>${(q)out}"
  # wait for the shell to be at its prompt (the marker written), then type the line and TAB
  # and give the completion up to a second to offer something: typed ahead, zsh would not
  # complete
  for (( i = 0; i < 100; i++ )); do
    [[ $(tail -n 1 $out 2>/dev/null) == "### $n" ]] && break
    sleep 0.02
  done
  zpty -w -n z "$line"$'\t'
  for (( i = 0; i < 50; i++ )); do
    [[ $(tail -n 1 $out 2>/dev/null) != "### $n" ]] && break
    sleep 0.02
  done
  sleep 0.1
  zpty -w z $'\C-u'
done
zpty -w z "print -r -- '### end' >>${(q)out}"
for (( i = 0; i < 100; i++ )); do
  [[ $(tail -n 1 $out 2>/dev/null) == '### end' ]] && break
  sleep 0.1
done
zpty -d z
# ### N, then the matches of line N, one a line
typeset -A got
local current=
while IFS= read -r l; do
  if [[ $l == '### '* ]]; then
    current=${l#\#\#\# }
    got[$current]=
  else
    got[$current]+="$l"$'\n'
  fi
done <$out
rm -f $out
n=0
local -a matches
for orig in $lines; do
  (( n++ ))
  matches=(${(f)got[$n]})
  matches=(${(ou)matches})
  print -r -- "$orig"$'\t'"${(j: :)matches}"
done
