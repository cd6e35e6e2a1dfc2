#!/usr/bin/env bash
# The Python client's tests (pytest, about 60 s): the committed stubs are current, the client against a real
# service process, and a Scrapy crawl of a static site on loopback through the pipeline. Builds the service first
# when its build is missing or older than its sources. Needs Debian's python3-grpcio, python3-protobuf,
# python3-grpc-tools, python3-scrapy, python3-pytest and protobuf-compiler (.ci/run installs them).
#
#   tests/python/run.sh [pytest arguments, e.g. -k stream]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
python=${PYTHON:-/usr/bin/python3}
dll="src/Boilerplate.Service/bin/Release/net10.0/Boilerplate.Service.dll"
if [[ ! -f $dll ]] || [[ -n $(find src/Boilerplate.* protos -type f -newer "$dll" \
    -not -path '*/bin/*' -not -path '*/obj/*' -print -quit) ]]; then
  dotnet build src/Boilerplate.Service -c Release --nologo -v quiet
fi
export BOILERPLATE_SERVICE_DLL="$repo/$dll" PYTHONPATH="$repo/src/python" PYTHONDONTWRITEBYTECODE=1
exec timeout --kill-after=10 300 "$python" -m pytest -q -p no:cacheprovider tests/python "$@"
