#!/usr/bin/env bash
# Admission under attack (issue 23 point 1): the published service, its GC heap capped at the pod's memory limit
# (deploy/k8s: 1 GiB) and its limits as the ConfigMap sets them, receives 150 unauthenticated and 150 authenticated
# calls of 15 MB at once, sent raw over HTTP/2 (bench/Boilerplate.Attack), while a legitimate client with its own key
# cleans small pages for 60 s
# (--seconds). Passes when the service stays alive and the legitimate client has >= 99% answered OK.
#   bench/reliability/admission.sh [--unauthenticated N] [--authenticated N] [--heap-limit BYTES] [--seconds N]
source "$(dirname "$0")/lib.sh"
unauthenticated=150
authenticated=150
heap_limit=$((1024 * 1024 * 1024))
seconds=60
while [[ $# -gt 0 ]]; do
  case "$1" in
    --unauthenticated) unauthenticated=$2; shift 2 ;;
    --authenticated) authenticated=$2; shift 2 ;;
    --heap-limit) heap_limit=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "usage: admission.sh [--unauthenticated N] [--authenticated N] [--heap-limit BYTES] [--seconds N]" >&2; exit 2 ;;
  esac
done

log "publishing the service and building the attack tool"
PARTS="service cli" "$repo/deploy/publish.sh" publish "$work/app" --nologo -v quiet > "$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; fail "publish"; }
dotnet build "$repo/bench/Boilerplate.Attack" -c Release --nologo -v quiet -o "$work/attack" >> "$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; fail "attack tool build"; }

attacker_key="attacker-$RANDOM$RANDOM"
legitimate_key="scraper-$RANDOM$RANDOM"
# The ConfigMap's limits; the heap limit as .NET would derive it from the pod's cgroup.
start_service DOTNET_GCHeapHardLimit="$(printf '0x%x' "$heap_limit")" \
  Limits__MaxConcurrentRequests=8 Limits__MaxQueuedRequests=128 Limits__MaxReceiveMessageBytes=16777216 \
  Limits__MaxInFlightRequestBytes=134217728 \
  Security__ApiKeys__0="$attacker_key" Security__ApiKeys__1="$legitimate_key"

status=0
dotnet "$work/attack/Boilerplate.Attack.dll" --address "$address" --server-pid "$service_pid" \
  --unauthenticated "$unauthenticated" --authenticated "$authenticated" \
  --attacker-key "$attacker_key" --key "$legitimate_key" --legitimate-seconds "$seconds" | tee "$results/admission.txt" || status=$?
kill -0 "$service_pid" 2>/dev/null || { tail -n 30 "$work/service.log" >&2; fail "the service died under attack"; }
log "service RSS after the attack: $(rss_mib "$service_pid") MiB (heap limit $((heap_limit / 1024 / 1024)) MiB)"
[[ $status -eq 0 ]] || fail "the legitimate client got under 99% of its calls answered (see $results/admission.txt)"
log "passed"
