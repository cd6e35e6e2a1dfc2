# Shared by the reliability scripts: builds the service as shipped (deploy/publish.sh) and eval's load generator
# (bench/Boilerplate.LoadTest), starts the service on a loopback port, and removes everything on exit.
# Everything stays on 127.0.0.1; every run is bounded in requests and time.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work=$(mktemp -d)
results="$repo/artifacts/reliability"
datasets="${BOILERPLATE_DATASETS:-$repo/../shared/datasets}"
mkdir -p "$results"
service_pid=

log() { echo "$(basename "$0" .sh): $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

cleanup() {
  if [[ -n $service_pid ]] && kill -0 "$service_pid" 2>/dev/null; then
    kill -TERM "$service_pid"
    timeout 40 tail --pid="$service_pid" -f /dev/null || kill -9 "$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Builds both programs once per run (Release, as deployed).
build() {
  log "publishing the service and building the load generator"
  "$repo/deploy/publish.sh" publish "$work/app" --nologo -v quiet > "$work/build.log" 2>&1 || { tail -n 30 "$work/build.log" >&2; fail "publish"; }
  dotnet build "$repo/bench/Boilerplate.LoadTest" -c Release --nologo -v quiet -o "$work/loadtest" >> "$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log" >&2; fail "load generator build"; }
}

# start_service [NAME=VALUE...]: the published service on a fresh loopback port; sets service_pid and address.
start_service() {
  local port
  port=$(free_port)
  address="http://127.0.0.1:$port"
  env "$@" ASPNETCORE_URLS="$address" DOTNET_gcServer=1 \
    dotnet "$work/app/service/Boilerplate.Service.dll" > "$work/service.log" 2>&1 &
  service_pid=$!
  local deadline=$(( $(date +%s) + 120 ))
  until dotnet "$work/app/cli/boilerplate.dll" health --server "$address" --timeout 00:00:03 >/dev/null 2>&1; do
    kill -0 "$service_pid" 2>/dev/null || { tail -n 30 "$work/service.log" >&2; fail "the service exited during start-up"; }
    [[ $(date +%s) -lt $deadline ]] || fail "the service was not SERVING within 120 s"
    sleep 1
  done
  log "service pid $service_pid SERVING on $address (RSS $(rss_mib "$service_pid") MiB)"
}

# load ARGS...: eval's load generator against the running service (it refuses non-loopback addresses).
load() {
  dotnet "$work/loadtest/Boilerplate.LoadTest.dll" --address "$address" --server-pid "$service_pid" --dataset "$datasets" "$@"
}
