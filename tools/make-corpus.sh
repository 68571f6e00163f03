#!/usr/bin/env bash
# Generates the sample corpus (corpus/dev, corpus/test) unless it is already there. Idempotent.
# Usage: tools/make-corpus.sh [--force] [--small]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
force=0; small=()
for a in "$@"; do
  case "$a" in
    --force) force=1 ;;
    --small) small=(--small) ;;
    *) echo "make-corpus: unknown argument $a" >&2; exit 2 ;;
  esac
done
if [ "$force" = 0 ] && [ -d corpus/dev ] && ls corpus/dev/*.truth.json >/dev/null 2>&1; then
  echo "make-corpus: corpus/dev exists, nothing to do (--force to regenerate)"
  exit 0
fi
for tool in soffice pdftoppm pdfinfo pdfseparate pdfunite; do
  command -v "$tool" >/dev/null || { echo "make-corpus: $tool is missing (run tools/setup.sh)" >&2; exit 1; }
done
rm -rf corpus/dev corpus/test corpus/scratch
dotnet build tools/CorpusGen -v q -nologo >/dev/null
dotnet run --no-build --project tools/CorpusGen -- --out corpus --seed 20261204 "${small[@]}"
