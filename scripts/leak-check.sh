#!/usr/bin/env bash
# Renders the sample 10 and 100 times in one process under LeakSanitizer and compares what leaks.
# One-time process-wide allocations (fonts, caches, lazily built tables) may be reported once; anything that
# grows with the number of renders is a real leak and fails the check.
set -euo pipefail
folio=$1; report=$2
leaked() {
  ASAN_OPTIONS=detect_leaks=1:exitcode=0 "$folio" bench "$report" --runs "$1" 2>&1 >/dev/null |
    awk '/SUMMARY: AddressSanitizer: [0-9]+ byte\(s\) leaked/ { print $3; found=1 } END { if (!found) print 0 }'
}
few=$(leaked 10); many=$(leaked 100)
echo "leaked after 10 renders: $few bytes; after 100 renders: $many bytes"
if [ "$many" -gt "$few" ]; then echo "FAIL: leaks grow with the number of renders"; exit 1; fi
echo "0 passed, 0 failed: no leak grows with renders" | sed 's/^0 passed, 0 failed: //'
