#!/usr/bin/env bash
# Load test of the gRPC service on loopback, everything bounded in time:
#   1. start the Release service on a free loopback port, wait until it answers, warm it;
#   2. max rate: closed loop, unary, CONCURRENCY calls in flight, PHASE seconds, on dataset-median pages;
#   3. p99 at half that rate: open loop at max/2 req/s (latency counted from when each request was due);
#   4. CleanStream against parallel unary calls with the same number of pages in flight;
#   5. RSS after SOAK_REQUESTS (default 100,000) requests.
# Figures go to bench/results/load-*.json; the service's CPU and memory are read from /proc/<pid>.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
datasets="${BOILERPLATE_DATASETS:-$repo/../shared/datasets}"
[ -d "$datasets" ] || { echo "datasets not found at $datasets; set BOILERPLATE_DATASETS" >&2; exit 2; }
phase="${PHASE:-30}"
concurrency="${CONCURRENCY:-8}"
soak="${SOAK_REQUESTS:-100000}"
results="$repo/bench/results"
mkdir -p "$results"

dotnet build -c Release "$repo/src/Boilerplate.Service" -v quiet -nologo
dotnet build -c Release "$repo/bench/Boilerplate.LoadTest" -v quiet -nologo
dotnet build -c Release "$repo/src/Boilerplate.Cli" -v quiet -nologo

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 5077)"
log="$results/load-service.log"
# Logging at Warning: per-request Information logs would measure the console, not the service.
Logging__LogLevel__Default=Warning dotnet "$repo/src/Boilerplate.Service/bin/Release/net10.0/Boilerplate.Service.dll" \
  --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$service" 2>/dev/null || { echo "service exited; see $log" >&2; exit 1; }
  sleep 0.5
done
# The port opens before the model is warm; calls before SERVING are answered UNAVAILABLE and would be timed.
for _ in $(seq 1 120); do
  dotnet "$repo/src/Boilerplate.Cli/bin/Release/net10.0/boilerplate.dll" health --server "http://127.0.0.1:$port" >/dev/null 2>&1 && break
  sleep 0.5
done

load() {
  local name="$1"; shift
  echo "== $name"
  timeout $((phase * 2 + 900)) dotnet "$repo/bench/Boilerplate.LoadTest/bin/Release/net10.0/Boilerplate.LoadTest.dll" \
    --address "http://127.0.0.1:$port" --dataset "$datasets" --server-pid "$service" --json "$results/load-$name.json" "$@" || true
}
rate_of() { sed -n 's/.*"requestsPerSecond": *\([0-9.]*\).*/\1/p' "$results/load-$1.json"; }

load max-rate --mode unary --concurrency "$concurrency" --duration "$phase" --requests 1000000 --warmup 1000
max="$(rate_of max-rate)"
[ -n "$max" ] || { echo "max-rate run produced no figures" >&2; exit 1; }
half="$(python3 -c "print(max(1, round(float('$max') / 2)))" 2>/dev/null || echo "${max%.*}" | awk '{print int($1/2)}')"
load half-rate --mode unary --rate "$half" --duration "$phase" --requests 1000000 --warmup 200
load unary-parallel --mode unary --concurrency "$concurrency" --duration "$phase" --requests 1000000 --warmup 200
load stream --mode stream --concurrency 2 --window $((concurrency / 2)) --duration "$phase" --requests 1000000 --warmup 200
load soak --mode unary --concurrency "$concurrency" --requests "$soak" --duration 900 --warmup 0
