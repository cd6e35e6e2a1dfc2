#!/usr/bin/env bash
# Load: 64 calls in flight until 5,000 typical pages are cleaned; passes only with zero failed calls.
#   bench/reliability/load.sh [--requests N] [--concurrency N]
source "$(dirname "$0")/lib.sh"
requests=5000
concurrency=64
while [[ $# -gt 0 ]]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    *) echo "usage: load.sh [--requests N] [--concurrency N]" >&2; exit 2 ;;
  esac
done

build
start_service
load --concurrency "$concurrency" --requests "$requests" --duration 600 --warmup 200 --json "$results/load.json" \
  || fail "calls failed (see $results/load.json)"
log "passed: $requests requests at concurrency $concurrency, no failure"
