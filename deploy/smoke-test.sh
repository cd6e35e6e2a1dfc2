#!/usr/bin/env bash
# Smoke test of the deployable service: builds it as shipped, starts it hardened, and checks that gRPC health
# answers SERVING (overall and "liveness", through the image's HEALTHCHECK probe), that one page cleans through
# `boilerplate clean --server`, and that SIGTERM stops it cleanly.
#
#   deploy/smoke-test.sh [--mode auto|container|process] [--install] [--timeout SECONDS]
#
# container: builds deploy/Dockerfile and deploy/Dockerfile.trainer with podman (SDK_IMAGE / RUNTIME_IMAGE, else
#   base images made on this machine by local-base-images.sh), prints both image sizes, and runs the service
#   image with a read-only root, a tmpfs /tmp and no capabilities; the CLI runs from the trainer image.
# process: where podman is not usable, publishes with deploy/publish.sh (the Dockerfile's own build), then runs
#   that output with the image's entrypoint and environment (read from the Dockerfile), as uid 10001, with the
#   root filesystem read-only where a private mount namespace can be had.
# auto (default): container when podman and buildah are installed and work here, else process. --install first
#   installs podman, buildah and mmdebstrap from Debian (root only). Loopback only; bounded by --timeout
#   (default 1200 s); everything it starts or builds is removed on exit. Exits non-zero on any failure.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
mode=auto
install=false
limit=1200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    --install) install=true; shift ;;
    --timeout) limit=$2; shift 2 ;;
    *) echo "usage: smoke-test.sh [--mode auto|container|process] [--install] [--timeout SECONDS]" >&2; exit 2 ;;
  esac
done

# Re-run under a hard time bound, once.
if [[ -z "${SMOKE_BOUNDED:-}" ]]; then
  export SMOKE_BOUNDED=1 SMOKE_STARTED=$(date +%s)
  exec timeout --kill-after=20 "$limit" "$0" --mode "$mode" --timeout "$limit" $($install && echo --install)
fi

log() { echo "smoke: $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if $install && is_root && ! command -v podman >/dev/null; then
  log "installing podman, buildah and mmdebstrap"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq podman buildah mmdebstrap >/dev/null
fi

# crun refuses cgroup v1/v2 hybrid hosts ("cgroups in hybrid mode not supported"): hide the v2 hierarchy in a
# private mount namespace and run containers without cgroups. Every podman call must then share that
# namespace, so the whole script re-runs inside it.
hybrid_cgroups() { mountpoint -q /sys/fs/cgroup/unified 2>/dev/null && [[ $(stat -fc %T /sys/fs/cgroup) == tmpfs ]]; }
podman_flags=()
container_usable() {
  command -v podman >/dev/null && command -v buildah >/dev/null && is_root || return 1
  if [[ -z "${SDK_IMAGE:-}" || -z "${RUNTIME_IMAGE:-}" ]]; then command -v mmdebstrap >/dev/null || return 1; fi
  podman info >/dev/null 2>&1
}
# Why this mode: printed, so a CI log says what was tested.
why_not_container() {
  if ! command -v podman >/dev/null; then echo "podman is not installed (--install adds it)";
  elif ! command -v buildah >/dev/null; then echo "buildah is not installed (--install adds it)";
  elif ! is_root; then echo "not root (rootless podman is not set up by this script)";
  elif [[ ( -z "${SDK_IMAGE:-}" || -z "${RUNTIME_IMAGE:-}" ) ]] && ! command -v mmdebstrap >/dev/null; then
    echo "no SDK_IMAGE/RUNTIME_IMAGE given and mmdebstrap, which makes local ones, is not installed";
  else echo "podman info fails here"; fi
}
if [[ $mode == auto ]]; then
  if container_usable; then
    mode=container; why="podman and buildah work here"
  else
    mode=process; why=$(why_not_container)
  fi
else
  why="asked for with --mode"
fi
export SMOKE_WHY="${SMOKE_WHY:-$why}"
if [[ $mode == container ]] && hybrid_cgroups && [[ -z "${SMOKE_NAMESPACED:-}" ]]; then
  export SMOKE_NAMESPACED=1
  exec unshare -m bash -c 'umount /sys/fs/cgroup/unified && exec "$0" "$@"' "$0" --mode container --timeout "$limit"
fi
if [[ -n "${SMOKE_NAMESPACED:-}" ]]; then podman_flags+=(--cgroups=disabled); fi
log "mode: $mode ($SMOKE_WHY)"

work=$(mktemp -d)
chmod 755 "$work"
tag="localhost/boilerplate:smoke-$$"
trainer_tag="localhost/boilerplate-trainer:smoke-$$"
name="boilerplate-smoke-$$"
service_pid=
cleanup() {
  if [[ -n $service_pid ]]; then kill -9 "$service_pid" 2>/dev/null || true; fi
  if [[ $mode == container ]]; then
    podman rm -f "$name" >/dev/null 2>&1 || true
    podman rmi -f "$tag" "$trainer_tag" >/dev/null 2>&1 || true
    # The untagged images of the build stages this run made (the local base images are kept for the next run).
    if [[ -f $work/dangling.before ]]; then
      comm -13 "$work/dangling.before" <(podman images -f dangling=true -q --no-trunc | sort) | xargs -r podman rmi -f >/dev/null 2>&1 || true
    fi
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# One article page between navigation and legal boilerplate; the check is that its body comes back as text.
mkdir -p "$work/pages"
cat > "$work/pages/smoke-article.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour seals return to the estuary | Coastal News</title></head>
<body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<main><article>
<h1>Harbour seals return to the estuary</h1>
<p>For the first time in three decades, a colony of harbour seals has settled on the sandbanks at the mouth of the estuary, volunteers counting the animals said on Tuesday.</p>
<p>The group, which began surveying the coast in 1994, recorded forty-two adults and eleven pups during a low-tide count, far more than the handful of stray visitors seen in previous summers.</p>
<p>Biologists credit the recovery to cleaner water after upstream treatment works were upgraded, and to a seasonal ban on boat landings that keeps the sandbanks quiet while the pups are born.</p>
<p>The volunteers will repeat the count every month until October and publish their figures so that the council can decide whether the landing ban should become permanent.</p>
</article></main>
<footer class="site-footer"><p>&copy; 2026 Coastal News Ltd. All rights reserved.</p><p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a> | <a href="/terms">Terms of use</a></p></footer>
</body></html>
HTML
expected="a colony of harbour seals has settled on the sandbanks"

port=$(free_port)
server="http://127.0.0.1:$port"

if [[ $mode == container ]]; then
  if [[ -z "${SDK_IMAGE:-}" || -z "${RUNTIME_IMAGE:-}" ]]; then
    log "making local base images"
    eval "$("$repo/deploy/local-base-images.sh")"
  fi
  build_flags=(--format docker --network host --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)
  # Reuse this machine's NuGet cache: the restore then downloads only what is new.
  if [[ -d $HOME/.nuget/packages ]]; then build_flags+=(-v "$HOME/.nuget/packages:/root/.nuget/packages"); fi
  revision=$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)
  podman images -f dangling=true -q --no-trunc | sort > "$work/dangling.before"
  # The trainer needs a shell and apt-get: TRAINER_RUNTIME_IMAGE where RUNTIME_IMAGE is a chiseled one.
  for image in "Dockerfile $tag ${RUNTIME_IMAGE}" "Dockerfile.trainer $trainer_tag ${TRAINER_RUNTIME_IMAGE:-$RUNTIME_IMAGE}"; do
    read -r file image_tag base <<< "$image"
    log "building $file"
    podman build "${build_flags[@]}" -f "$repo/deploy/$file" \
      --build-arg SDK_IMAGE="$SDK_IMAGE" --build-arg RUNTIME_IMAGE="$base" --build-arg REVISION="$revision" \
      -t "$image_tag" "$repo" > "$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; fail "build of $file"; }
    log "$image_tag: $(( $(podman image inspect --format '{{.Size}}' "$image_tag") / 1000000 )) MB (base $base: $(( $(podman image inspect --format '{{.Size}}' "$base") / 1000000 )) MB)"
  done
  # What the service image must not carry: the CLI, its extractors, an SDK.
  root=$(podman image mount "$tag")
  extra=$(cd "$root" && ls -d app/cli usr/share/dotnet/sdk app/service/SmartReader.dll app/service/AngleSharp.dll 2>/dev/null || true)
  podman image unmount "$tag" >/dev/null
  [[ -z $extra ]] || fail "the service image carries: $extra"
  [[ -n $(podman image inspect --format '{{.Config.Healthcheck}}' "$tag") ]] || fail "the image has no HEALTHCHECK"
  [[ $(podman image inspect --format '{{.Config.User}}' "$tag") == 10001:10001 ]] || fail "the image does not run as 10001"

  run_flags=("${podman_flags[@]}" --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)
  # No systemd here to time the HEALTHCHECK; the test runs it once itself below.
  podman run -d --name "$name" "${run_flags[@]}" --health-interval disable --read-only --tmpfs /tmp --cap-drop ALL \
    --security-opt no-new-privileges -p "127.0.0.1:$port:8080" "$tag" >/dev/null
  cli() { podman run --rm "${run_flags[@]}" --read-only --tmpfs /tmp --network host -v "$work/pages:/pages:ro" \
    "$trainer_tag" "$@"; }
  probe() { podman exec "$name" dotnet /app/health-probe/health-probe.dll "http://127.0.0.1:8080" "$@"; }
  pages=/pages
  service_alive() { [[ $(podman inspect --format '{{.State.Running}}' "$name") == true ]]; }
  service_logs() { podman logs "$name" 2>&1 | tail -n 40; }
else
  log "publishing with deploy/publish.sh"
  "$repo/deploy/publish.sh" publish "$work/app" --nologo -v quiet > "$work/publish.log" 2>&1 \
    || { tail -n 40 "$work/publish.log" >&2; fail "publish"; }
  # The image's environment, from the Dockerfile's ENV block; ports and the writable folder are this run's.
  mapfile -t image_env < <(awk '
    /smoke-test.sh reads this block/ { marked = 1; next }
    marked && /^ENV / { on = 1 }
    on {
      line = $0; sub(/^ENV[ \t]+/, "", line); more = line ~ /\\[ \t]*$/
      sub(/[ \t]*\\[ \t]*$/, "", line); sub(/^[ \t]+/, "", line)
      if (line != "") print line
      if (!more) exit
    }' "$repo/deploy/Dockerfile")
  [[ ${#image_env[@]} -gt 0 ]] || fail "no ENV block found in deploy/Dockerfile"
  mkdir -p "$work/tmp"
  run_env=("${image_env[@]}" "ASPNETCORE_HTTP_PORTS=$port" "HOME=$work/tmp" "TMPDIR=$work/tmp")
  as_user=()
  if is_root; then
    chown 10001:10001 "$work/tmp"
    as_user=(setpriv --reuid 10001 --regid 10001 --clear-groups --no-new-privs)
  fi
  entry=(dotnet "$work/app/service/Boilerplate.Service.dll")
  readonly_root=false
  if is_root && unshare -m true 2>/dev/null; then readonly_root=true; fi
  (
    cd "$work/app/service"
    if $readonly_root; then
      # Private mount namespace: the root filesystem read-only, only the run's tmp folder writable.
      exec unshare -m bash -c 'mount --make-rprivate / && mount --bind "$1" "$1" && mount -o remount,bind,ro / \
        && shift && exec "$@"' _ "$work/tmp" env -i PATH="$PATH" "${run_env[@]}" "${as_user[@]}" "${entry[@]}"
    fi
    exec env -i PATH="$PATH" "${run_env[@]}" "${as_user[@]}" "${entry[@]}"
  ) > "$work/service.log" 2>&1 &
  service_pid=$!
  log "service pid $service_pid (read-only root: $readonly_root, user: $(is_root && echo 10001 || id -u))"
  cli() { dotnet "$work/app/cli/boilerplate.dll" "$@"; }
  probe() { dotnet "$work/app/health-probe/health-probe.dll" "$server" "$@"; }
  pages="$work/pages"
  service_alive() { kill -0 "$service_pid" 2>/dev/null; }
  service_logs() { grep -v "^ *at " "$work/service.log" | tail -n 40; }
fi

log "waiting for SERVING on $server"
deadline=$(( $(date +%s) + 120 ))
until cli health --server "$server" --timeout 00:00:03 > "$work/health.out" 2>&1; do
  service_alive || { service_logs >&2; fail "the service exited during start-up"; }
  [[ $(date +%s) -lt $deadline ]] || { cat "$work/health.out" >&2; service_logs >&2; fail "no SERVING within 120 s"; }
  sleep 1
done
log "health: $(cat "$work/health.out")"
# The HEALTHCHECK's probe, and the "liveness" health service the Kubernetes liveness probe asks.
probe >/dev/null || fail "the health probe does not pass on a serving service"
[[ $(probe liveness) == Serving ]] || fail "the liveness health service is not SERVING"
log "health probe: overall and liveness SERVING"

cli clean "$pages" --server "$server" --out - --quiet > "$work/clean.jsonl" 2> "$work/clean.err" \
  || { cat "$work/clean.err" "$work/clean.jsonl" >&2; fail "clean --server"; }
python3 - "$work/clean.jsonl" "$expected" <<'PY' || fail "unexpected clean output: $(cat "$work/clean.jsonl")"
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 1, f"{len(lines)} lines"
page = json.loads(lines[0])
assert "error" not in page, page.get("error")
assert page["id"] == "smoke-article", page["id"]
assert page["model_version"], "no model_version"
assert sys.argv[2] in page["text"], "article text missing"
assert "Cookie settings" not in page["text"], "footer kept"
print(f"smoke: clean: title={page['title']!r}, {page['stats']['kept']}/{page['stats']['paragraphs']} paragraphs kept, model {page['model_version'][:12]}", file=sys.stderr)
PY

if [[ $mode == container ]]; then
  podman healthcheck run "$name" >/dev/null || fail "the image's HEALTHCHECK does not pass on a serving container"
  log "the image's HEALTHCHECK passes"
  pid=$(podman inspect --format '{{.State.Pid}}' "$name")
  [[ $(stat -c %u "/proc/$pid") == 10001 ]] || fail "the service does not run as uid 10001"
  podman stop -t 30 "$name" >/dev/null 2>&1
  code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
else
  if is_root; then [[ $(stat -c %u "/proc/$service_pid") == 10001 ]] || fail "the service does not run as uid 10001"; fi
  kill -TERM "$service_pid"
  code=0
  timeout 30 tail --pid="$service_pid" -f /dev/null || fail "the service did not stop within 30 s of SIGTERM"
  wait "$service_pid" || code=$?
  service_pid=
fi
[[ $code == 0 ]] || { service_logs >&2; fail "exit code $code after SIGTERM"; }
log "passed in $(( $(date +%s) - SMOKE_STARTED )) s ($mode mode)"
