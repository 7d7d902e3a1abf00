#!/usr/bin/env bash
# Makes the map's borough outlines: NYC Department of City Planning's borough boundaries (public domain), as shipped
# in Debian's python3-geopandas (0.12.2, geopandas/datasets/nybb_16a.zip: a shapefile in EPSG:2263), converted to
# simplified WGS84 GeoJSON by tools/BoroughBoundaries. Usage: fetch-borough-boundaries.sh OUTPUT.geojson
# The package is downloaded (apt-get download, never installed), only the shapefile is kept, checked against the
# SHA-256 values in scripts/borough-boundaries.sha256 (by the converter) and cached in $VIBECHECK_BOROUGHS (default
# ~/.cache/vibecheck/boroughs). The gateway's build runs this when its generated GeoJSON is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
output=${1:?usage: fetch-borough-boundaries.sh OUTPUT.geojson}
cache=${VIBECHECK_BOROUGHS:-$HOME/.cache/vibecheck/boroughs}
pins="$here/borough-boundaries.sha256"

if [ ! -f "$cache/nybb_16a.zip" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  echo "fetch-borough-boundaries: downloading Debian's python3-geopandas for nybb_16a.zip..." >&2
  # A fresh machine may have no package lists yet: update once and try again.
  if ! (cd "$work" && apt-get download python3-geopandas >download.log 2>&1); then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    (cd "$work" && apt-get download python3-geopandas >download.log 2>&1) || { cat "$work/download.log" >&2; exit 1; }
  fi
  dpkg-deb -x "$work"/python3-geopandas_*.deb "$work/package"
  zip=$(find "$work/package" -name nybb_16a.zip | head -1)
  [ -n "$zip" ] || { echo "fetch-borough-boundaries: this python3-geopandas has no nybb_16a.zip" >&2; exit 1; }
  mkdir -p "$cache"
  cp "$zip" "$cache/nybb_16a.zip"
fi

# The converter checks the shapefile inside against the pinned SHA-256 values before using it.
# The gateway's build passes the converter it has just built (BOROUGH_CONVERTER); run alone, this builds it.
if [ -n "${BOROUGH_CONVERTER:-}" ]; then
  dotnet "$BOROUGH_CONVERTER" "$cache/nybb_16a.zip" "$pins" "$output"
else
  dotnet run --project "$here/../tools/BoroughBoundaries/BoroughBoundaries.csproj" --configuration Release -- \
    "$cache/nybb_16a.zip" "$pins" "$output"
fi
