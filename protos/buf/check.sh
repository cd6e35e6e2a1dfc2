#!/usr/bin/env bash
# buf lint of protos/ and buf breaking against protos/released/ (the last released v1), with the buf CLI
# from the @bufbuild/buf npm package pinned here. Needs node and npm; no network once installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
buf="$here/node_modules/.bin/buf"

if [[ ! -x $buf || "$here/package-lock.json" -nt "$here/node_modules" ]]; then
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi

# The copy in third_party must be the one the C# build compiles against (when that package is restored here).
version=$(sed -n 's/.*Include="Google.Api.CommonProtos" Version="\([^"]*\)".*/\1/p' "$repo/Directory.Packages.props")
nuget="${NUGET_PACKAGES:-$HOME/.nuget/packages}/google.api.commonprotos/$version/content/protos"
for f in google/rpc/status.proto; do
  if [[ -f $nuget/$f ]] && ! cmp -s "$nuget/$f" "$repo/protos/third_party/$f"; then
    echo "buf: protos/third_party/$f differs from Google.Api.CommonProtos $version: copy it again" >&2
    exit 1
  fi
done

cd "$repo"
"$buf" lint
echo "buf lint: passed"
# Compared as images: the workspace holds two modules (ours and third_party), the baseline one, and buf compares
# inputs of as many images only; --path keeps ours.
images=$(mktemp -d)
trap 'rm -rf "$images"' EXIT
"$buf" build --path protos/boilerplate -o "$images/current.binpb"
"$buf" build protos/released -o "$images/released.binpb"
"$buf" breaking "$images/current.binpb" --against "$images/released.binpb"
echo "buf breaking against protos/released: passed"
