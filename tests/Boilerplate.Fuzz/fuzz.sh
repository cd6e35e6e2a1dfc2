#!/usr/bin/env bash
# Fuzzes decoding, parsing and segmentation, then text repair, cleaning, the metadata readers and the Markdown and
# HTML renderers (FuzzTarget.cs) with AFL++ and SharpFuzz for a bounded time, then reports executions,
# crashes and hangs. Installs what it lacks: afl++ (Debian package, needs root) and the SharpFuzz instrumenter
# (a .NET tool, kept under the work folder).
#   fuzz.sh [--seconds N] [--work DIR]      defaults: 300 seconds, ./artifacts/fuzz under the repository
# Exits 1 when AFL saved a crash or a hang: each one is copied to WORK/findings-<time>/ and must become a
# case in tests/Boilerplate.Core.Tests/Segmentation/FuzzRegressionTests.cs. Reproduce one, with its stack
# trace, on an uninstrumented build (the instrumented one only runs under afl-fuzz):
#   dotnet run --project tests/Boilerplate.Fuzz -c Release -- FILE
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
seconds=300
work="$repo/artifacts/fuzz"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "usage: fuzz.sh [--seconds N] [--work DIR]" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
work="$(cd "$work" && pwd)"

if ! command -v afl-fuzz >/dev/null; then
  [[ $(id -u) -eq 0 ]] || { echo "afl-fuzz missing: install the Debian package afl++" >&2; exit 2; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null; }
fi
if [[ ! -x "$work/tools/sharpfuzz" ]]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$work/tools" >/dev/null
fi

# Publish to a clean folder, then instrument in place the assemblies whose code the input reaches (Core has its own
# HTML tree builder now; AngleSharp is only the CLI's, and Markdig only the tests').
rm -rf "$work/bin"
dotnet publish "$here" -c Release -o "$work/bin" -p:UseAppHost=false --nologo -v quiet
for dll in Boilerplate.Core.dll UtfUnknown.dll; do
  "$work/tools/sharpfuzz" "$work/bin/$dll" >/dev/null
done

# Seeds: the hand-made edge cases, plus the start of a few real pages when the shared datasets are beside us.
seeds="$work/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"
cp "$here"/seeds/* "$seeds/"
for page in $(ls "$repo"/../shared/datasets/*/pages/*.html.gz 2>/dev/null | head -n 8); do
  gzip -dc "$page" | head -c 16384 > "$seeds/$(basename "$page" .gz)" || true
done

findings="$work/afl"
rm -rf "$findings"
# A .NET target is not compiled with AFL's instrumentation (SharpFuzz reports coverage itself), and this
# machine's core dumps go to a handler; neither matters to what is measured here.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_NO_AFFINITY=1
started=$(date +%s)
afl-fuzz -V "$seconds" -i "$seeds" -o "$findings" -x "$here/html.dict" -t 5000 -m none \
  -- "$(command -v dotnet)" "$work/bin/Boilerplate.Fuzz.dll" > "$work/afl.log" 2>&1 || {
  echo "afl-fuzz failed; last lines of $work/afl.log:" >&2
  tail -n 30 "$work/afl.log" >&2
  exit 2
}
elapsed=$(( $(date +%s) - started ))

stats="$findings/default/fuzzer_stats"
value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
echo "fuzzed ${elapsed}s: $(value execs_done) executions ($(value execs_per_sec)/s), $(value corpus_count) corpus entries," \
  "edges found $(value edges_found), crashes $(value saved_crashes), hangs $(value saved_hangs)"

found=$(find "$findings/default/crashes" "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
if [[ $found -gt 0 ]]; then
  keep="$work/findings-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$keep"
  find "$findings/default/crashes" "$findings/default/hangs" -type f -name 'id:*' -exec cp {} "$keep/" \;
  echo "$found finding(s) copied to $keep" >&2
  exit 1
fi
