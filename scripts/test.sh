#!/usr/bin/env bash
# Runs the whole test suite. Tests start their own redis-server on a free loopback port unless
# VIBECHECK_TEST_REDIS names one. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
dotnet test VibeCheck.Orleans.sln --nologo "$@"
