#!/usr/bin/env bash
# Side-by-side pages/s on ONE thread over every page of the datasets: our pipeline (warm JIT), Readability.js
# (node + jsdom, one warm process) and SmartReader, overall and by page-size bucket.
# Systems take turns page by page (machine load hits all alike). Bounded: the timed pass stops after BUDGET seconds
# (default 1200); the table marks a run that hit it.
# Usage: bench/run-throughput.sh [extra Boilerplate.Throughput options, e.g. --systems ours,smartreader]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
datasets="${BOILERPLATE_DATASETS:-$repo/../shared/datasets}"
[ -d "$datasets" ] || { echo "datasets not found at $datasets; set BOILERPLATE_DATASETS" >&2; exit 2; }
budget="${BUDGET:-1200}"
mkdir -p "$repo/bench/results"

if command -v node >/dev/null && command -v npm >/dev/null; then
  (cd "$repo/bench/readability" && [ -d node_modules ] || npm ci --no-audit --no-fund)
else
  echo "node/npm not found: Readability.js will be skipped" >&2
fi

dotnet build -c Release "$repo/bench/Boilerplate.Throughput" -v quiet -nologo
timeout $((budget + 900)) dotnet "$repo/bench/Boilerplate.Throughput/bin/Release/net10.0/Boilerplate.Throughput.dll" \
  --dataset "$datasets" --budget "$budget" --json "$repo/bench/results/throughput.json" "$@"
