#!/usr/bin/env bash
# Soak: steady closed-loop load for 10 minutes (default) while the service's RSS is sampled every 10 s.
# Passes when no call fails and memory is flat: the mean RSS of the last quarter of the run is within 10% of
# the mean of its second quarter (the first quarter is warm-up: JIT, pools, GC heap sizing). --pages picks the
# load generator's pages: median (default, typical pages) or largest (the 300 largest, issue 23's memory check).
#   bench/reliability/soak.sh [--seconds N] [--concurrency N] [--pages median|largest|all]
source "$(dirname "$0")/lib.sh"
seconds=600
concurrency=16
pages=median
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --pages) pages=$2; shift 2 ;;
    *) echo "usage: soak.sh [--seconds N] [--concurrency N] [--pages median|largest|all]" >&2; exit 2 ;;
  esac
done

build
start_service
samples="$results/soak-rss.csv"
echo "seconds,rss_mib" > "$samples"
started=$(date +%s)
load --pages "$pages" --concurrency "$concurrency" --requests 100000000 --duration "$seconds" --warmup 0 --json "$results/soak.json" > "$work/soak.out" 2>&1 &
load_pid=$!
while kill -0 "$load_pid" 2>/dev/null; do
  echo "$(( $(date +%s) - started )),$(rss_mib "$service_pid")" >> "$samples"
  sleep 10
done
wait "$load_pid" || { cat "$work/soak.out" >&2; fail "calls failed during the soak"; }
cat "$work/soak.out" >&2

python3 - "$samples" <<'PY' || fail "memory grew"
import csv, sys
rows = [(int(r["seconds"]), float(r["rss_mib"])) for r in csv.DictReader(open(sys.argv[1]))]
end = rows[-1][0]
def mean(lo, hi):
    xs = [rss for t, rss in rows if lo * end <= t < hi * end] or [rows[-1][1]]
    return sum(xs) / len(xs)
second, last = mean(0.25, 0.5), mean(0.75, 1.01)
rss = [r for _, r in rows]
print(f"soak: RSS MiB start {rss[0]:.0f}, min {min(rss):.0f}, max {max(rss):.0f}, end {rss[-1]:.0f}; "
      f"mean of 2nd quarter {second:.0f}, of last quarter {last:.0f} ({(last / second - 1) * 100:+.1f}%) over {end} s, {len(rows)} samples", file=sys.stderr)
sys.exit(0 if last <= second * 1.10 else 1)
PY
log "passed: RSS samples in $samples"
