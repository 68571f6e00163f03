#!/usr/bin/env bash
# The README's test command: set up, build, run every test with the real engines, print "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh || exit 1
export OMP_THREAD_LIMIT=1   # Debian's libtesseract uses OpenMP; unlimited it is 5-7x slower on 2 cores
dotnet build Extractor.slnx -c Release -nologo -v q 2>&1 | grep -E "error|Error" ; [ "${PIPESTATUS[0]}" = 0 ] || { echo "0 passed, 1 failed"; exit 1; }
out=$(mktemp -d)
dotnet test tests/Extractor.Tests -c Release --no-build --logger "trx;LogFileName=results.trx" --results-directory "$out" "$@" 2>&1 | tail -n 30
rc=${PIPESTATUS[0]}
trx="$out/results.trx"
if [ -f "$trx" ]; then
  passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
  echo "${passed:-0} passed, ${failed:-0} failed"
else
  echo "0 passed, 1 failed"; rc=1
fi
exit $rc
