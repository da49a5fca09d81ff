#!/bin/sh
# Writes folio(1), a man page in roff, from the program's own --help texts (root command and every subcommand),
# so that the page says what the installed program does. Usage: deploy/man-page.sh path/to/folio > folio.1
set -eu
folio=${1:?usage: man-page.sh path/to/folio}

# roff-escape a help text: backslashes, hyphens (copyable options), lines starting with a control character;
# section titles ("OPTIONS:") in bold.
escape() {
  sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" -e 's/^\([A-Z][A-Z ]*:\)$/\\fB\1\\fR/'
}

# The subcommands a help text lists (the first word of each line under SUBCOMMANDS:).
subcommands() {
  awk '/^SUBCOMMANDS:/ { on = 1; next } on && /^[^ ]/ { on = 0 } on && /^  [a-z]/ { print $1 }'
}

section() {   # $@: the command words after "folio"
  printf '.SS "folio %s"\n.nf\n' "$*"
  "$folio" "$@" --help | escape
  printf '.fi\n'
  for sub in $("$folio" "$@" --help | subcommands); do
    [ "$sub" = help ] || section "$@" "$sub"
  done
}

version=$("$folio" --version)
root=$("$folio" --help)
abstract=$(printf '%s\n' "$root" | awk '/^OVERVIEW:/ { sub(/^OVERVIEW: /, ""); line = $0; getline; if ($0 != "") line = line " " $0; print line; exit }')

cat <<HEAD
.TH FOLIO 1 "" "folio $version" "User Commands"
.SH NAME
folio \\- $(printf '%s' "$abstract" | escape)
.SH SYNOPSIS
.B folio
.I command
.RI [ options ]
.SH DESCRIPTION
.nf
HEAD
printf '%s\n' "$root" | escape
printf '.fi\n.SH COMMANDS\n'
for sub in $(printf '%s\n' "$root" | subcommands); do
  [ "$sub" = help ] || section "$sub"
done
cat <<TAIL
.SH FILES
.TP
.I <prefix>/share/folio/Layouts/*.yaml
the layouts
.TP
.I <prefix>/share/folio/Fonts/fonts.yaml
the font manifest
.SH SEE ALSO
docs/cli.md (exit codes, JSON output, manifests, shards, installing), docs/report-format.md and docs/layouts.md
in Folio's source.
TAIL
