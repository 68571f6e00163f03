#!/usr/bin/env bash
# The README's main job: set up, build, generate the sample corpus if missing, ingest it into the default
# SQLite file (extractor.db in the repository root) and print the summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
export OMP_THREAD_LIMIT=1
dotnet build src/Extractor.Cli -c Release -nologo -v q
bash tools/make-corpus.sh
dotnet src/Extractor.Cli/bin/Release/net10.0/extractor.dll ingest corpus/dev corpus/test --db "${EXTRACTOR_DB:-extractor.db}" "$@"
