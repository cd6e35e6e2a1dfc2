#!/usr/bin/env bash
# Schema check of the Kubernetes manifests in deploy/k8s, runnable in CI with no cluster: validates every
# object against the Kubernetes API schemas and types bundled in the kubernetes-models npm package
# (unknown fields included), and the references between the objects. Needs node and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tool="$here/check-manifests"

if [[ ! -d "$tool/node_modules/kubernetes-models" || "$tool/package-lock.json" -nt "$tool/node_modules" ]]; then
  npm ci --prefix "$tool" --no-audit --no-fund --loglevel=error
fi
node "$tool/validate.mjs" "$here/k8s"
