#!/usr/bin/env bash
# Restores and publishes what the container images ship, exactly as they ship it.
# The Dockerfile and smoke-test.sh both run this, so the smoke test exercises the images' own build.
#   publish.sh restore        restore only (the Dockerfile caches this layer on the project files alone)
#   publish.sh publish OUT    publish to OUT/<part> (pass --no-restore after a restore)
# Parts: service (the runtime image), health-probe (its HEALTHCHECK), cli (the trainer image); PARTS picks
# some (space-separated, default all). RID (default linux-x64) picks the native libraries (LightGBM) shipped.
set -euo pipefail
cd "$(dirname "$0")/.."

rid=${RID:-linux-x64}
read -r -a parts <<< "${PARTS:-service health-probe cli}"
project_of() {
  case "$1" in
    service) echo src/Boilerplate.Service ;;
    health-probe) echo deploy/health-probe ;;
    cli) echo src/Boilerplate.Cli ;;
    *) echo "publish.sh: unknown part '$1' (service, health-probe, cli)" >&2; exit 2 ;;
  esac
}

case "${1:-}" in
  restore)
    for part in "${parts[@]}"; do dotnet restore "$(project_of "$part")" -r "$rid"; done
    ;;
  publish)
    out=${2:?usage: publish.sh publish OUT [dotnet publish args]}
    shift 2
    # Framework-dependent: the runtime image supplies ASP.NET Core. No apphost: the image starts
    # `dotnet <dll>`, which finds the runtime without DOTNET_ROOT wherever the base image put it.
    flags=(-c Release -r "$rid" --self-contained false -p:UseAppHost=false -p:DebugType=embedded "$@")
    for part in "${parts[@]}"; do dotnet publish "$(project_of "$part")" "${flags[@]}" -o "$out/$part"; done
    ;;
  *)
    echo "usage: publish.sh restore | publish OUT [dotnet publish args]" >&2
    exit 2
    ;;
esac
