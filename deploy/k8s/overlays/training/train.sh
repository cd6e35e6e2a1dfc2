#!/bin/sh
# Retrains, gates and publishes one model version; run by the boilerplate-train CronJob in the trainer image.
# Exit codes: 0 published, 3 refused by the gate (the Job then fails without a retry), other: an error.
# Nothing is written to the models volume before the gate passes, and then only by a rename within it.
set -eu
datasets=/data/datasets
models=/data/models
stamp=$(date -u +%Y%m%dT%H%M%SZ)
candidate="${TMPDIR:-/tmp}/model-$stamp.zip"

boilerplate train --base default --corpus-weight readability-pages=3 --dataset "$datasets" --out "$candidate"

# The served model is the newest *.zip by modification time (as the service picks it), else the embedded
# default, which the trainer image ships as a file.
current=$(ls -t "$models"/*.zip 2>/dev/null | head -n 1 || true)
if [ -z "$current" ]; then current=/app/default-model.zip; fi
echo "train: gating $candidate against $current"

# evaluate exits 1 when the candidate loses more than --tolerance F1 on any corpus and mode, 2 on bad arguments.
code=0
boilerplate evaluate --dataset "$datasets" --model "$candidate" --against "$current" --peers none || code=$?
case $code in
  0) ;;
  1) echo "train: the candidate loses to $current; nothing published" >&2; exit 3 ;;
  *) echo "train: evaluate failed with exit code $code; nothing published" >&2; exit "$code" ;;
esac

# Copied under a name the service ignores (not *.zip), then renamed: replicas never see a partial file.
cp "$candidate" "$models/.model-$stamp.zip.partial"
mv "$models/.model-$stamp.zip.partial" "$models/model-$stamp.zip"
echo "train: published $models/model-$stamp.zip"
