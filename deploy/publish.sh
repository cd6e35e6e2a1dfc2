#!/usr/bin/env bash
# Restores and publishes the service and the `boilerplate` CLI exactly as the container image ships them.
# The Dockerfile and smoke-test.sh both run this, so the smoke test exercises the image's own build.
#   publish.sh restore        restore only (the Dockerfile caches this layer on the project files alone)
#   publish.sh publish OUT    publish to OUT/service and OUT/cli (pass --no-restore after a restore)
# RID (default linux-x64) picks the native libraries (LightGBM) that are shipped.
set -euo pipefail
cd "$(dirname "$0")/.."

rid=${RID:-linux-x64}
projects=(src/Boilerplate.Service src/Boilerplate.Cli)

case "${1:-}" in
  restore)
    for p in "${projects[@]}"; do dotnet restore "$p" -r "$rid"; done
    ;;
  publish)
    out=${2:?usage: publish.sh publish OUT [dotnet publish args]}
    shift 2
    # Framework-dependent: the runtime image supplies ASP.NET Core. No apphost: the image starts
    # `dotnet <dll>`, which finds the runtime without DOTNET_ROOT wherever the base image put it.
    flags=(-c Release -r "$rid" --self-contained false -p:UseAppHost=false -p:DebugType=embedded "$@")
    dotnet publish src/Boilerplate.Service "${flags[@]}" -o "$out/service"
    dotnet publish src/Boilerplate.Cli "${flags[@]}" -o "$out/cli"
    ;;
  *)
    echo "usage: publish.sh restore | publish OUT [dotnet publish args]" >&2
    exit 2
    ;;
esac
