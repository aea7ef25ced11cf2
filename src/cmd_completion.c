/* cmd_completion.c — `qzreport completion bash|zsh|fish`: a completion script made from the
 * tables that print --help (the commands of main.c, each command's qz_option table, the values
 * of qz_option_values), so that what a shell completes cannot drift from what the command
 * takes. Metric keys and rule ids are not written into the script: the script asks `qzreport
 * keys -f tsv` and `qzreport rules -f tsv` as the user types, with the --rules and --config of
 * the command line, so that the keys a rules file adds are offered too. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "internal.h" /* qz_suggest */

static const qz_option options[] = {
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

static const char *const shells[] = {"bash", "zsh", "fish", NULL};

const qz_command_help qz_completion_help = {
    .name = "completion",
    .usage = "bash|zsh|fish",
    .oneline = N_("a completion script for bash, zsh or fish"),
    .summary = N_("Print a script that completes qzreport's commands, options, formats, files,\n"
                  "metric keys (get) and rule ids (--rule) in bash, zsh or fish. It is made from\n"
                  "the tables that print --help, so that it completes what the command takes."),
    .details = N_("Load it in the shell at hand:\n"
                  "  bash  source <(qzreport completion bash)\n"
                  "  zsh   source <(qzreport completion zsh)     (after compinit)\n"
                  "  fish  qzreport completion fish | source\n"
                  "`make install` puts the three scripts where bash-completion, zsh and fish look\n"
                  "for them. Keys and rule ids are asked of `qzreport keys` and `qzreport rules`\n"
                  "as you type: a --rules or --config on the command line, or a .qzreport.yaml in\n"
                  "the current folder, adds its own.\n"),
    .options = options,
};

/* ---- what the tables say ---- */

/* What an option's value is. */
typedef enum {
    VALUE_NONE,  /* a flag */
    VALUE_LIST,  /* one of qz_option_values */
    VALUE_FILE,  /* FILE */
    VALUE_DIR,   /* DIR */
    VALUE_RULE,  /* ID=SEV: a rule id, '=', a severity */
    VALUE_OTHER, /* N and the like: nothing to offer */
} value_kind;

static value_kind kind_of(const qz_command_help *cmd, const qz_option *o)
{
    if (o->type == QZ_OPT_FLAG)
        return VALUE_NONE;
    if (qz_option_values(cmd, o->long_name))
        return VALUE_LIST;
    if (o->arg_name && strcmp(o->arg_name, "FILE") == 0)
        return VALUE_FILE;
    if (o->arg_name && strcmp(o->arg_name, "DIR") == 0)
        return VALUE_DIR;
    if (o->arg_name && strcmp(o->arg_name, "ID=SEV") == 0)
        return VALUE_RULE;
    return VALUE_OTHER;
}

/* What a command's operands are, read from its usage line ("[OPTIONS] KEY... FILE|-"). */
typedef enum { OPERANDS_NONE, OPERANDS_FILES, OPERANDS_KEYS, OPERANDS_SHELLS } operand_kind;

static operand_kind operands_of(const qz_command_help *cmd)
{
    if (cmd == &qz_completion_help)
        return OPERANDS_SHELLS;
    if (strstr(cmd->usage, "KEY"))
        return OPERANDS_KEYS; /* KEY... FILE: keys, then files */
    if (strstr(cmd->usage, "FILE") || strstr(cmd->usage, "DIR") || strstr(cmd->usage, "OLD"))
        return OPERANDS_FILES;
    return OPERANDS_NONE;
}

/* A help text on one line, translated: runs of white space (the second lines of a help are
 * indented to stand under the first) become one space. */
static void one_line(const char *text, char *out, size_t size)
{
    const char *t = _(text);
    size_t n = 0;
    bool space = false;
    for (; *t && n + 1 < size; t++) {
        if (*t == ' ' || *t == '\n' || *t == '\t') {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < size)
            out[n++] = ' ';
        space = false;
        out[n++] = *t;
    }
    out[n] = '\0';
}

/* s in single quotes for a POSIX shell (bash, zsh): ' becomes '\''. */
static void put_quoted(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'')
            fputs("'\\''", f);
        else
            fputc(*s, f);
    }
    fputc('\'', f);
}

/* The values of a list, space-separated. */
static void put_words(FILE *f, const char *const *values)
{
    for (size_t i = 0; values && values[i]; i++)
        fprintf(f, "%s%s", i ? " " : "", values[i]);
}

static void put_commands(FILE *f)
{
    for (size_t i = 0; i < qz_ncommands; i++)
        fprintf(f, "%s ", qz_commands[i].name);
    fputs("help", f);
}

/* ---- bash ---- */

static void bash_options(FILE *f)
{
    fputs("# The options of a command, for a word that starts with '-'.\n"
          "_qzreport_options()\n{\n    case $1 in\n",
          f);
    for (size_t i = 0; i < qz_ncommands; i++) {
        const qz_command_help *cmd = qz_commands[i].help;
        fprintf(f, "    %s) REPLY='", cmd->name);
        for (const qz_option *o = cmd->options; o->long_name; o++) {
            if (o->short_name)
                fprintf(f, "-%c ", o->short_name);
            fprintf(f, "--%s ", o->long_name);
        }
        fputs("-h --help' ;;\n", f);
    }
    fputs("    *) REPLY='-h --help' ;;\n    esac\n}\n\n", f);
}

static void bash_values(FILE *f)
{
    fputs("# What the value of a command's option is: 'list WORDS', file, dir, rule (ID=SEV) or\n"
          "# other; empty for a flag or an option the command does not have.\n"
          "_qzreport_value()\n{\n    case $1:$2 in\n",
          f);
    for (size_t i = 0; i < qz_ncommands; i++) {
        const qz_command_help *cmd = qz_commands[i].help;
        for (const qz_option *o = cmd->options; o->long_name; o++) {
            value_kind k = kind_of(cmd, o);
            if (k == VALUE_NONE)
                continue;
            fputs("    ", f);
            if (o->short_name)
                fprintf(f, "%s:-%c | ", cmd->name, o->short_name);
            fprintf(f, "%s:--%s) REPLY=", cmd->name, o->long_name);
            switch (k) {
            case VALUE_LIST:
                fputs("'list ", f);
                put_words(f, qz_option_values(cmd, o->long_name));
                fputc('\'', f);
                break;
            case VALUE_FILE:
                fputs("file", f);
                break;
            case VALUE_DIR:
                fputs("dir", f);
                break;
            case VALUE_RULE:
                fputs("rule", f);
                break;
            case VALUE_NONE:
            case VALUE_OTHER:
                fputs("other", f);
                break;
            }
            fputs(" ;;\n", f);
        }
    }
    fputs("    *) REPLY= ;;\n    esac\n}\n\n", f);
}

static void bash_operands(FILE *f)
{
    fputs("# What a command's operands are: files, keys (metric keys and files), 'list WORDS',\n"
          "# commands or none.\n"
          "_qzreport_operands()\n{\n    case $1 in\n",
          f);
    for (size_t i = 0; i < qz_ncommands; i++) {
        const qz_command_help *cmd = qz_commands[i].help;
        fprintf(f, "    %s) REPLY=", cmd->name);
        switch (operands_of(cmd)) {
        case OPERANDS_NONE:
            fputs("none", f);
            break;
        case OPERANDS_FILES:
            fputs("files", f);
            break;
        case OPERANDS_KEYS:
            fputs("keys", f);
            break;
        case OPERANDS_SHELLS:
            fputs("'list ", f);
            put_words(f, shells);
            fputc('\'', f);
            break;
        }
        fputs(" ;;\n", f);
    }
    fputs("    help) REPLY=commands ;;\n    *) REPLY=none ;;\n    esac\n}\n\n", f);
}

/* The part of the bash script that the tables do not change. */
static const char bash_engine[] =
    "# The first column of `qzreport keys -f tsv` or `qzreport rules -f tsv` (its header left\n"
    "# out), with the --rules and --config of the command line, into _qzreport_names.\n"
    "_qzreport_names()\n"
    "{\n"
    "    local qz=${_qzreport_words[0]} i w rest\n"
    "    local -a args=()\n"
    "    [[ $qz == '~/'* ]] && qz=$HOME/${qz#'~/'}\n"
    "    for ((i = 1; i < _qzreport_cword; i++)); do\n"
    "        w=${_qzreport_words[i]}\n"
    "        case $w in\n"
    "        --rules | --config | -c)\n"
    "            ((i + 1 < _qzreport_cword)) && args+=(\"$w\" \"${_qzreport_words[i + 1]}\") ;;\n"
    "        --rules=* | --config=*) args+=(\"$w\") ;;\n"
    "        esac\n"
    "    done\n"
    "    _qzreport_names=()\n"
    "    {\n"
    "        read -r w\n"
    "        while IFS=$'\\t' read -r w rest; do\n"
    "            _qzreport_names+=(\"$w\")\n"
    "        done\n"
    "    } < <(\"$qz\" \"$1\" -f tsv ${args[@]+\"${args[@]}\"} 2>/dev/null)\n"
    "}\n"
    "\n"
    "# Adds to COMPREPLY, each after PREFIX, what WORD may become as a KIND: 'list WORDS', file,\n"
    "# files, dir, rule, keys (and files) or commands.\n"
    "_qzreport_complete()\n"
    "{\n"
    "    local kind=$1 word=$2 prefix=$3 w\n"
    "    local -a found=()\n"
    "    case $kind in\n"
    "    list\\ *) mapfile -t found < <(compgen -W \"${kind#list }\" -- \"$word\") ;;\n"
    "    commands) mapfile -t found < <(compgen -W \"$_qzreport_commands\" -- \"$word\") ;;\n"
    "    file | files)\n"
    "        mapfile -t found < <(compgen -f -- \"$word\")\n"
    "        compopt -o filenames 2>/dev/null ;;\n"
    "    dir)\n"
    "        mapfile -t found < <(compgen -d -- \"$word\")\n"
    "        compopt -o filenames 2>/dev/null ;;\n"
    "    keys)\n"
    "        _qzreport_names keys\n"
    "        mapfile -t found < <(compgen -W \"${_qzreport_names[*]}\" -- \"$word\"; "
    "compgen -f -- \"$word\")\n"
    "        compopt -o filenames 2>/dev/null ;;\n"
    "    rule)\n"
    "        if [[ $word == *=* ]]; then\n"
    "            mapfile -t found < <(compgen -W 'error warning off' -P \"${word%%=*}=\" "
    "-- \"${word#*=}\")\n"
    "        else\n"
    "            _qzreport_names rules\n"
    "            mapfile -t found < <(compgen -W \"${_qzreport_names[*]}\" -S = -- \"$word\")\n"
    "            compopt -o nospace 2>/dev/null\n"
    "        fi ;;\n"
    "    esac\n"
    "    for w in \"${found[@]}\"; do\n"
    "        COMPREPLY+=(\"$prefix$w\")\n"
    "    done\n"
    "}\n"
    "\n"
    "_qzreport()\n"
    "{\n"
    "    local i w join=0 cur prev cmd real=${COMP_WORDS[COMP_CWORD]} REPLY\n"
    "    # The words as written: COMP_WORDBREAKS splits --format=json and --rule ID=SEV at\n"
    "    # '=', and they are joined again here (seen by the functions called from here).\n"
    "    local -a _qzreport_words=() _qzreport_names=()\n"
    "    local _qzreport_cword=0\n"
    "    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do\n"
    "        w=${COMP_WORDS[i]}\n"
    "        if ((i > 1)) && [[ $w == = ]]; then\n"
    "            _qzreport_words[${#_qzreport_words[@]} - 1]+=$w\n"
    "            join=1\n"
    "        elif ((join)); then\n"
    "            _qzreport_words[${#_qzreport_words[@]} - 1]+=$w\n"
    "            join=0\n"
    "        else\n"
    "            _qzreport_words+=(\"$w\")\n"
    "        fi\n"
    "        ((i == COMP_CWORD)) && _qzreport_cword=$((${#_qzreport_words[@]} - 1))\n"
    "    done\n"
    "    cur=${_qzreport_words[_qzreport_cword]}\n"
    "    # bash replaces only what follows the last '=' of the word: strip what stands before\n"
    "    [[ $real == = ]] && real=\n"
    "    local keep=${cur%\"$real\"}\n"
    "    COMPREPLY=()\n"
    "    if ((_qzreport_cword == 1)); then\n"
    "        _qzreport_complete \"list $_qzreport_commands -h --help -V --version\" \"$cur\" ''\n"
    "    else\n"
    "        cmd=${_qzreport_words[1]}\n"
    "        prev=${_qzreport_words[_qzreport_cword - 1]}\n"
    "        REPLY=\n"
    "        if [[ $cur == --*=* ]]; then\n"
    "            _qzreport_value \"$cmd\" \"${cur%%=*}\"\n"
    "            [[ -n $REPLY ]] && _qzreport_complete \"$REPLY\" \"${cur#*=}\" \"${cur%%=*}=\"\n"
    "        elif [[ $prev == -* ]]; then\n"
    "            _qzreport_value \"$cmd\" \"$prev\"\n"
    "            [[ -n $REPLY ]] && _qzreport_complete \"$REPLY\" \"$cur\" ''\n"
    "        fi\n"
    "        if [[ -z $REPLY ]]; then\n"
    "            if [[ $cur == -* ]]; then\n"
    "                _qzreport_options \"$cmd\"\n"
    "                _qzreport_complete \"list $REPLY\" \"$cur\" ''\n"
    "            else\n"
    "                _qzreport_operands \"$cmd\"\n"
    "                _qzreport_complete \"$REPLY\" \"$cur\" ''\n"
    "            fi\n"
    "        fi\n"
    "    fi\n"
    "    if [[ -n $keep ]]; then\n"
    "        COMPREPLY=(\"${COMPREPLY[@]#\"$keep\"}\")\n"
    "    fi\n"
    "    return 0\n"
    "}\n"
    "\n"
    "complete -F _qzreport qzreport\n";

static void bash_script(FILE *f)
{
    fprintf(f,
            "# bash completion for qzreport                              -*- shell-script -*-\n"
            "# Made by `qzreport completion bash` (qzreport %s) from the tables that print\n"
            "# --help. Load it with `source <(qzreport completion bash)`; `make install` puts it\n"
            "# where bash-completion finds it.\n\n",
            QZ_VERSION);
    fputs("_qzreport_commands='", f);
    put_commands(f);
    fputs("'\n\n", f);
    bash_options(f);
    bash_values(f);
    bash_operands(f);
    fputs(bash_engine, f);
}

/* ---- zsh ---- */

/* A description between the brackets of an _arguments spec: [ ] and \ escaped. */
static void zsh_description(FILE *f, const char *help)
{
    char line[512];
    one_line(help, line, sizeof line);
    for (const char *s = line; *s; s++) {
        if (*s == '[' || *s == ']' || *s == '\\')
            fputc('\\', f);
        if (*s == '\'')
            fputs("'\\''", f);
        else
            fputc(*s, f);
    }
}

static void zsh_option(FILE *f, const qz_command_help *cmd, const qz_option *o)
{
    value_kind k = kind_of(cmd, o);
    const char *arg = k == VALUE_NONE ? "" : "=";
    fputs("            ", f);
    if (o->type == QZ_OPT_LIST)
        fputs("'*'", f);
    else if (o->short_name)
        fprintf(f, "'(-%c --%s)'", o->short_name, o->long_name);
    if (o->short_name)
        fprintf(f, "{-%c%s,--%s%s}'", o->short_name, k == VALUE_NONE ? "" : "+", o->long_name,
                arg);
    else
        fprintf(f, "'--%s%s", o->long_name, arg);
    fputc('[', f);
    zsh_description(f, o->help);
    fputc(']', f);
    switch (k) {
    case VALUE_NONE:
        break;
    case VALUE_LIST:
        fprintf(f, ":%s:(", o->arg_name);
        put_words(f, qz_option_values(cmd, o->long_name));
        fputc(')', f);
        break;
    case VALUE_FILE:
        fprintf(f, ":%s:_files", o->arg_name);
        break;
    case VALUE_DIR:
        fprintf(f, ":%s:_files -/", o->arg_name);
        break;
    case VALUE_RULE:
        fprintf(f, ":%s:_qzreport_rule", o->arg_name);
        break;
    case VALUE_OTHER:
        fprintf(f, ":%s:", o->arg_name);
        break;
    }
    fputs("' \\\n", f);
}

static const char zsh_helpers[] =
    "# The first column of `qzreport keys -f tsv` or `qzreport rules -f tsv` (its header left\n"
    "# out), with the --rules and --config of the command line, into reply.\n"
    "_qzreport_names() {\n"
    "  local i\n"
    "  local -a args lines\n"
    "  for (( i = 2; i < CURRENT; i++ )); do\n"
    "    case $words[i] in\n"
    "      (--rules|--config|-c) (( i + 1 < CURRENT )) && args+=($words[i] $words[i+1]) ;;\n"
    "      (--rules=*|--config=*) args+=($words[i]) ;;\n"
    "    esac\n"
    "  done\n"
    "  lines=(${(f)\"$(_call_program $1 $_qzreport_cmd $1 -f tsv $args 2>/dev/null)\"})\n"
    "  reply=(${lines[2,-1]%%$'\\t'*})\n"
    "}\n"
    "\n"
    "_qzreport_keys() {\n"
    "  local expl\n"
    "  local -a reply\n"
    "  _qzreport_names keys\n"
    "  _wanted keys expl 'metric key' compadd -a reply\n"
    "}\n"
    "\n"
    "_qzreport_key_or_file() {\n"
    "  _alternative 'keys:metric key:_qzreport_keys' 'files:file:_files'\n"
    "}\n"
    "\n"
    "# --rule ID=SEV: a rule id, then a severity.\n"
    "_qzreport_rule() {\n"
    "  local expl\n"
    "  local -a reply\n"
    "  if compset -P '*='; then\n"
    "    _wanted severities expl severity compadd error warning off\n"
    "  else\n"
    "    _qzreport_names rules\n"
    "    _wanted rules expl 'rule id' compadd -S '=' -a reply\n"
    "  fi\n"
    "}\n"
    "\n";

static void zsh_script(FILE *f)
{
    char line[512];
    fprintf(f,
            "#compdef qzreport\n"
            "# zsh completion for qzreport, made by `qzreport completion zsh` (qzreport %s) from\n"
            "# the tables that print --help. Installed as _qzreport in a folder of $fpath (make\n"
            "# install does), or loaded with `source <(qzreport completion zsh)` after compinit.\n\n",
            QZ_VERSION);
    fputs(zsh_helpers, f);
    fputs("_qzreport() {\n"
          "  local curcontext=$curcontext state state_descr line ret=1\n"
          "  local _qzreport_cmd=$words[1]\n"
          "  typeset -A opt_args\n"
          "  _arguments -C \\\n"
          "    '(- *)'{-h,--help}'[",
          f);
    zsh_description(f, N_("show this help and exit"));
    fputs("]' \\\n    '(- *)'{-V,--version}'[", f);
    zsh_description(f, N_("print the version and exit"));
    fputs("]' \\\n"
          "    '1: :->command' \\\n"
          "    '*:: :->args' && ret=0\n"
          "  case $state in\n"
          "    (command)\n"
          "      local -a commands\n"
          "      commands=(\n",
          f);
    for (size_t i = 0; i < qz_ncommands; i++) {
        char entry[600];
        one_line(qz_commands[i].help->oneline, line, sizeof line);
        snprintf(entry, sizeof entry, "%s:%s", qz_commands[i].name, line);
        fputs("        ", f);
        put_quoted(f, entry);
        fputc('\n', f);
    }
    one_line(N_("show the help of a command"), line, sizeof line);
    fputs("        ", f);
    char entry[600];
    snprintf(entry, sizeof entry, "help:%s", line);
    put_quoted(f, entry);
    fputs("\n      )\n"
          "      _describe -t commands 'qzreport command' commands && ret=0\n"
          "      ;;\n"
          "    (args)\n"
          "      curcontext=${curcontext%:*:*}:qzreport-$words[1]:\n"
          "      case $words[1] in\n",
          f);
    for (size_t i = 0; i < qz_ncommands; i++) {
        const qz_command_help *cmd = qz_commands[i].help;
        fprintf(f, "        (%s)\n          _arguments -s -S \\\n", cmd->name);
        for (const qz_option *o = cmd->options; o->long_name; o++)
            zsh_option(f, cmd, o);
        fputs("            '(- *)'{-h,--help}'[", f);
        zsh_description(f, N_("show this help and exit"));
        fputs("]'", f);
        switch (operands_of(cmd)) {
        case OPERANDS_NONE:
            break;
        case OPERANDS_FILES:
            fputs(" \\\n            '*:FILE:_files'", f);
            break;
        case OPERANDS_KEYS:
            fputs(" \\\n            '*:KEY or FILE:_qzreport_key_or_file'", f);
            break;
        case OPERANDS_SHELLS:
            fputs(" \\\n            '1:shell:(", f);
            put_words(f, shells);
            fputs(")'", f);
            break;
        }
        fputs(" && ret=0\n          ;;\n", f);
    }
    fputs("        (help)\n          _arguments '1:command:(", f);
    put_commands(f);
    fputs(")' && ret=0\n"
          "          ;;\n"
          "      esac\n"
          "      ;;\n"
          "  esac\n"
          "  return ret\n"
          "}\n"
          "\n"
          "if [[ $funcstack[1] == _qzreport ]]; then\n"
          "  _qzreport \"$@\"\n"
          "else\n"
          "  compdef _qzreport qzreport\n"
          "fi\n",
          f);
}

/* ---- fish ---- */

/* s in single quotes for fish: \ and ' escaped. */
static void fish_quoted(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\\' || *s == '\'')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('\'', f);
}

static void fish_description(FILE *f, const char *help)
{
    char line[512];
    one_line(help, line, sizeof line);
    fputs(" -d ", f);
    fish_quoted(f, line);
}

static const char fish_helpers[] =
    "# The first column of `qzreport keys -f tsv` or `qzreport rules -f tsv` (its header left\n"
    "# out), with the --rules and --config of the command line.\n"
    "function __qzreport_names\n"
    "    set -l words (commandline -opc)\n"
    "    set -l args\n"
    "    set -l n (count $words)\n"
    "    for i in (seq 2 $n)\n"
    "        switch $words[$i]\n"
    "            case --rules --config -c\n"
    "                if test $i -lt $n\n"
    "                    set -a args $words[$i] $words[(math $i + 1)]\n"
    "                end\n"
    "            case '--rules=*' '--config=*'\n"
    "                set -a args $words[$i]\n"
    "        end\n"
    "    end\n"
    "    command $words[1] $argv[1] -f tsv $args 2>/dev/null | tail -n +2 | cut -f1\n"
    "end\n"
    "\n"
    "# --rule ID=SEV: a rule id, then a severity.\n"
    "function __qzreport_rule\n"
    "    set -l token (string replace -r -- '^--rule=' '' (commandline -ct))\n"
    "    if string match -q -- '*=*' $token\n"
    "        set -l id (string split -m 1 -- = $token)[1]\n"
    "        printf '%s=%s\\n' $id error $id warning $id off\n"
    "    else\n"
    "        __qzreport_names rules | string replace -r -- '$' =\n"
    "    end\n"
    "end\n"
    "\n";

static void fish_script(FILE *f)
{
    fprintf(f,
            "# fish completion for qzreport, made by `qzreport completion fish` (qzreport %s)\n"
            "# from the tables that print --help. Loaded with `qzreport completion fish | source`;\n"
            "# `make install` puts it where fish finds it.\n\n",
            QZ_VERSION);
    fputs(fish_helpers, f);
    fputs("complete -c qzreport -f\n", f);
    fputs("complete -c qzreport -n __fish_use_subcommand -s h -l help", f);
    fish_description(f, N_("show this help and exit"));
    fputs("\ncomplete -c qzreport -n __fish_use_subcommand -s V -l version", f);
    fish_description(f, N_("print the version and exit"));
    fputc('\n', f);
    for (size_t i = 0; i < qz_ncommands; i++) {
        fprintf(f, "complete -c qzreport -n __fish_use_subcommand -a %s", qz_commands[i].name);
        fish_description(f, qz_commands[i].help->oneline);
        fputc('\n', f);
    }
    fputs("complete -c qzreport -n __fish_use_subcommand -a help", f);
    fish_description(f, N_("show the help of a command"));
    fputc('\n', f);
    for (size_t i = 0; i < qz_ncommands; i++) {
        const qz_command_help *cmd = qz_commands[i].help;
        char cond[100];
        snprintf(cond, sizeof cond, "complete -c qzreport -n '__fish_seen_subcommand_from %s'",
                 cmd->name);
        fputc('\n', f);
        for (const qz_option *o = cmd->options; o->long_name; o++) {
            fputs(cond, f);
            if (o->short_name)
                fprintf(f, " -s %c", o->short_name);
            fprintf(f, " -l %s", o->long_name);
            switch (kind_of(cmd, o)) {
            case VALUE_NONE:
                break;
            case VALUE_LIST:
                fputs(" -x -a ", f);
                fputc('\'', f);
                put_words(f, qz_option_values(cmd, o->long_name));
                fputc('\'', f);
                break;
            case VALUE_FILE:
                fputs(" -r -F", f);
                break;
            case VALUE_DIR:
                fputs(" -x -a '(__fish_complete_directories)'", f);
                break;
            case VALUE_RULE:
                fputs(" -x -a '(__qzreport_rule)'", f);
                break;
            case VALUE_OTHER:
                fputs(" -x", f);
                break;
            }
            fish_description(f, o->help);
            fputc('\n', f);
        }
        fputs(cond, f);
        fputs(" -s h -l help", f);
        fish_description(f, N_("show this help and exit"));
        fputc('\n', f);
        switch (operands_of(cmd)) {
        case OPERANDS_NONE:
            break;
        case OPERANDS_FILES:
            fprintf(f, "%s -F\n", cond);
            break;
        case OPERANDS_KEYS:
            fprintf(f, "%s -F -a '(__qzreport_names keys)'\n", cond);
            break;
        case OPERANDS_SHELLS:
            fprintf(f, "%s -a '", cond);
            put_words(f, shells);
            fputs("'\n", f);
            break;
        }
    }
    fputs("\ncomplete -c qzreport -n '__fish_seen_subcommand_from help' -a '", f);
    put_commands(f);
    fputs("'\n", f);
}

int cmd_completion(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_completion_help, &first);
    if (rc >= 0)
        return rc;
    if (argc - first != 1)
        return qz_usage_error(&qz_completion_help, "expected one shell: bash, zsh or fish");
    const char *shell = argv[first];
    if (strcmp(shell, "bash") == 0)
        bash_script(stdout);
    else if (strcmp(shell, "zsh") == 0)
        zsh_script(stdout);
    else if (strcmp(shell, "fish") == 0)
        fish_script(stdout);
    else
        return qz_usage_hint(&qz_completion_help, qz_suggest(shell, shells, (size_t)-1),
                             "unknown shell '%s' (bash, zsh, fish)", shell);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        qz_error err = {.status = QZ_ERR_IO};
        snprintf(err.message, sizeof err.message, "%s", qz_cli_strerror(errno));
        snprintf(err.path, sizeof err.path, "<stdout>");
        return qz_report_error(&err);
    }
    return QZ_EXIT_OK;
}
