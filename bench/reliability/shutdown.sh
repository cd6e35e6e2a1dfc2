#!/usr/bin/env bash
# Graceful shutdown under load: `boilerplate clean --server --parallel 64` sends a folder of real pages, and the
# service gets SIGTERM mid-run. Passes when the service exits 0 within its shutdown timeout, every Clean call
# it had started finished (as many "Request finished" as "Request starting" log lines), some of them after
# SIGTERM, and the client saw only UNAVAILABLE for the calls that came too late (never a dropped call:
# CANCELLED, INTERNAL, UNKNOWN or a reset).
#   bench/reliability/shutdown.sh [--pages N] [--after SECONDS]
source "$(dirname "$0")/lib.sh"
pages=400
after=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pages) pages=$2; shift 2 ;;
    --after) after=$2; shift 2 ;;
    *) echo "usage: shutdown.sh [--pages N] [--after SECONDS]" >&2; exit 2 ;;
  esac
done
corpus="$datasets/wcxb-dev/pages"
[[ -d $corpus ]] || fail "no pages at $corpus"
mkdir -p "$work/pages"
# Not `find | sort | head`: under pipefail, sort killed by SIGPIPE when head has enough ends the script (exit 141).
mapfile -t files < <(find "$corpus" -name '*.html.gz' | sort)
cp "${files[@]:0:$pages}" "$work/pages/"

build
# Per-request hosting logs show which calls started and finished around the SIGTERM.
start_service Host__ShutdownTimeout=00:00:30 Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information

dotnet "$work/app/cli/boilerplate.dll" clean "$work/pages" --server "$address" --parallel 64 --quiet \
  --out "$work/clean.jsonl" 2> "$work/clean.err" &
client_pid=$!
sleep "$after"
kill -0 "$client_pid" 2>/dev/null || fail "the client finished before SIGTERM; use more --pages"
log "SIGTERM to the service after ${after} s of load"
kill -TERM "$service_pid"
term_at=$(date +%s%N)
code=0
timeout 40 tail --pid="$service_pid" -f /dev/null || fail "the service did not exit within 40 s of SIGTERM"
wait "$service_pid" || code=$?
exit_ms=$(( ($(date +%s%N) - term_at) / 1000000 ))
service_pid=
wait "$client_pid" || true

python3 - "$work/service.log" "$work/clean.jsonl" "$code" "$exit_ms" <<'PY' || fail "see above"
import json, re, sys
log, out, code, exit_ms = open(sys.argv[1]).read().splitlines(), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
clean = "/boilerplate.v1.BoilerplateService/Clean"
started = sum(1 for l in log if "Request starting" in l and clean in l)
finished = [i for i, l in enumerate(log) if "Request finished" in l and clean in l]
stop = next((i for i, l in enumerate(log) if "Application is shutting down" in l), None)
drained = sum(1 for i in finished if stop is not None and i > stop)
pages = [json.loads(l) for l in open(out)]
errors = [p["error"] for p in pages if "error" in p]
refused = [e for e in errors if e.startswith(("Unavailable", "BrokenCircuitException"))]
print(f"shutdown: exit code {code} {exit_ms} ms after SIGTERM; server started {started} Clean calls, finished "
      f"{len(finished)} ({drained} after SIGTERM); client {len(pages) - len(errors)} ok, {len(refused)} refused, "
      f"{len(errors) - len(refused)} other errors", file=sys.stderr)
problems = []
if code != 0: problems.append(f"exit code {code}")
if stop is None: problems.append("no shutdown log line")
if len(finished) != started: problems.append(f"{started - len(finished)} started calls never finished")
if drained == 0: problems.append("no call was in flight at SIGTERM")
if len(errors) != len(refused): problems.append("dropped calls: " + "; ".join(sorted({e[:80] for e in errors if e not in refused})))
for p in problems: print("shutdown: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
log "passed"
