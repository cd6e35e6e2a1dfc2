#!/usr/bin/env bash
# BenchmarkDotNet, one benchmark per pipeline stage, on dataset pages at the 10th/50th/90th size percentile.
# In-process with few iterations: a full run takes a few minutes (bounded by timeout below).
# Usage: bench/run-benchmarks.sh [BenchmarkDotNet options, default --filter '*']
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
export BOILERPLATE_DATASETS="${BOILERPLATE_DATASETS:-$repo/../shared/datasets}"
dotnet build -c Release "$repo/bench/Boilerplate.Benchmarks" -v quiet -nologo
cd "$repo/bench/results"
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--filter '*')
timeout 1800 dotnet "$repo/bench/Boilerplate.Benchmarks/bin/Release/net10.0/Boilerplate.Benchmarks.dll" "${args[@]}"
