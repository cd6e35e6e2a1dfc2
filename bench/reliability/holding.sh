#!/usr/bin/env bash
# Issue 23's "still true at the end": every promise listed as holding, re-measured against the published service on
# loopback, one service at a time on a fresh port. Items 1-7 are modes of bench/Boilerplate.Attack against a
# service started here with the limits each needs; 8 and 9 run shutdown.sh and soak.sh (largest pages,
# concurrency 8); 10, the admission attack, is admission.sh and is not run here. Prints each item's figure and
# PASS/FAIL, writes the table to artifacts/reliability/holding.txt, and exits 1 when any item failed.
#   bench/reliability/holding.sh [--items "1 2 3 4 5 6 7 8 9"] [--soak-seconds N] [--swap-seconds N]
source "$(dirname "$0")/lib.sh"
items="1 2 3 4 5 6 7 8 9"
soak_seconds=600
swap_seconds=120
while [[ $# -gt 0 ]]; do
  case "$1" in
    --items) items=$2; shift 2 ;;
    --soak-seconds) soak_seconds=$2; shift 2 ;;
    --swap-seconds) swap_seconds=$2; shift 2 ;;
    *) echo "usage: holding.sh [--items \"1 2 ...\"] [--soak-seconds N] [--swap-seconds N]" >&2; exit 2 ;;
  esac
done
here="$(cd "$(dirname "$0")" && pwd)"
summary="$results/holding.txt"
: > "$work/summary"

wants() { [[ " $items " == *" $1 "* ]]; }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$work/summary"; log "item $1: $2 — $3"; }

stop_service() {
  [[ -n $service_pid ]] || return 0
  kill -TERM "$service_pid" 2>/dev/null || true
  timeout 40 tail --pid="$service_pid" -f /dev/null || kill -9 "$service_pid" 2>/dev/null || true
  wait "$service_pid" 2>/dev/null || true
  service_pid=
}

# attack ITEM MODE ARGS...: one mode of the attack tool against the running service; records its RESULT line.
attack() {
  local item=$1 out="$work/attack-$1.txt"
  shift
  dotnet "$work/attack/Boilerplate.Attack.dll" --address "$address" --server-pid "$service_pid" --mode "$@" > "$out" 2>&1 || true
  cat "$out" >&2
  local line
  line=$(grep -m1 '^RESULT' "$out" || true)
  if [[ -z $line ]]; then
    record "$item" FAIL "no result (the tool failed; see above)"
  else
    record "$item" "$(cut -f3 <<< "$line")" "$(cut -f4 <<< "$line")"
  fi
  kill -0 "$service_pid" 2>/dev/null || { tail -n 30 "$work/service.log" >&2; record "$item" FAIL "the service died"; service_pid=; }
}

if [[ $items =~ [1-7] ]]; then
  log "publishing the service and building the attack tool"
  PARTS="service cli" "$repo/deploy/publish.sh" publish "$work/app" --nologo -v quiet > "$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; fail "publish"; }
  dotnet build "$repo/bench/Boilerplate.Attack" -c Release --nologo -v quiet -o "$work/attack" >> "$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log" >&2; fail "attack tool build"; }
fi

if wants 1; then
  start_service
  attack 1 hostile --budget-ms 300 --repeats 3
  stop_service
fi
if wants 2; then
  # The ConfigMap's limits (deploy/k8s/configmap.yaml): 8 slots and 128 queue places, so 200 calls overflow them.
  start_service Limits__MaxConcurrentRequests=8 Limits__MaxQueuedRequests=128 Limits__MaxReceiveMessageBytes=16777216 \
    Limits__MaxInFlightRequestBytes=134217728
  attack 2 burst --calls 200 --page-bytes 2000000
  stop_service
fi
if wants 3; then
  start_service
  attack 3 no-window --seconds 20 --page-bytes 1000000
  stop_service
fi
if wants 4; then
  start_service
  attack 4 idle --connections 3000 --hold-seconds 15 --max-mib 30
  stop_service
fi
if wants 5; then
  start_service
  attack 5 headers
  stop_service
fi
if wants 6; then
  key="holding-$RANDOM$RANDOM"
  admin="holding-admin-$RANDOM$RANDOM"
  start_service Security__ApiKeys__0="$key" Security__AdminKeys__0="$admin"
  attack 6 keys --key "$key" --admin-key "$admin"
  stop_service
fi
if wants 7; then
  mkdir -p "$work/models"
  cp "$repo/src/Boilerplate.Core/Model/Default/boilerplate-default.zip" "$work/models/model.zip"
  start_service Model__Path="$work/models/model.zip" Model__Debounce=00:00:00.200 Model__PollInterval=00:00:01
  attack 7 model-swaps --model-path "$work/models/model.zip" --seconds "$swap_seconds" --concurrency 4
  log "the service refused $(grep -c 'Refused model file' "$work/service.log" || true) model file reads and logged $(grep -c 'loaded and warmed' "$work/service.log" || true) loads"
  stop_service
fi
if wants 8; then
  if "$here/shutdown.sh" > "$work/shutdown.txt" 2>&1; then verdict=PASS; else verdict=FAIL; fi
  cat "$work/shutdown.txt" >&2
  record 8 "$verdict" "$(grep -m1 '^shutdown: exit code' "$work/shutdown.txt" | sed 's/^shutdown: //')"
fi
if wants 9; then
  if "$here/soak.sh" --seconds "$soak_seconds" --concurrency 8 --pages largest > "$work/soak.txt" 2>&1; then verdict=PASS; else verdict=FAIL; fi
  cat "$work/soak.txt" >&2
  record 9 "$verdict" "$(grep -m1 '^requests' "$work/soak.txt" | tr -s ' ' | cut -d' ' -f2-); $(grep -m1 '^soak: RSS' "$work/soak.txt" | sed 's/^soak: //')"
fi
record 10 "not run" "admission.sh (the 150 + 150 attack under a heap limit) is the lead's to rerun"

{
  echo "holding.sh $(date -u +%Y-%m-%dT%H:%MZ), commit $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src bench || echo ' (with local changes)')"
  cat "$work/summary"
} | tee "$summary"
! grep -q $'\tFAIL\t' "$work/summary"
