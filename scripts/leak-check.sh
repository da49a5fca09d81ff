#!/usr/bin/env bash
# Renders the sample 10 and 100 times in one process under LeakSanitizer and compares what leaks.
#   scripts/leak-check.sh FOLIO_BENCH REPORT   (FOLIO_BENCH: a folio-bench built with -sanitize=address)
# One-time process-wide allocations (fonts, caches, lazily built tables) may be reported once; anything that
# grows with the number of renders is a real leak and fails the check. cairo 1.16's own leak for CFF fonts
# is suppressed (scripts/lsan.supp, reproduced by scripts/cairo-cff-leak.c) and reported apart.
set -euo pipefail
bench=$1; report=$2
here=$(cd "$(dirname "$0")" && pwd)
run() {
  ASAN_OPTIONS=detect_leaks=1:exitcode=0 LSAN_OPTIONS=suppressions=$here/lsan.supp:print_suppressions=1 \
    "$bench" "$report" --runs "$1" 2>&1 >/dev/null
}
ours() { awk '/SUMMARY: AddressSanitizer: [0-9]+ byte\(s\) leaked/ { n = $3 } END { print n + 0 }'; }
theirs() { awk '/^ *[0-9]+ +[0-9]+ +libcairo/ { n = $2 } END { print n + 0 }'; }
few_out=$(run 10); many_out=$(run 100)
if echo "$few_out$many_out" | grep -q "ERROR: AddressSanitizer"; then echo "FAIL: AddressSanitizer found an error"; echo "$few_out$many_out" | grep -A20 "ERROR: AddressSanitizer" | head -40; exit 1; fi
few=$(echo "$few_out" | ours); many=$(echo "$many_out" | ours)
echo "Folio and other libraries: $few bytes leaked after 10 renders, $many bytes after 100 renders"
echo "cairo's CFF leak (suppressed): $(echo "$few_out" | theirs) bytes after 10 renders, $(echo "$many_out" | theirs) after 100"
# 90 more renders: a leak of even 50 bytes per render passes the 4 KiB allowed for one-time allocations
# that happen to be first reached late.
if [ "$many" -gt $((few + 4096)) ]; then echo "FAIL: leaks grow with the number of renders"; exit 1; fi
echo "no leak grows with the number of renders"
