#!/usr/bin/env bash
# Installs the Debian packages VibeCheck needs at run and test time, when missing:
# redis-server (clustering, state, reminders, cache) and libgtk-3-0 (loaded by OpenCV's native library).
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing+=(libgtk-3-0)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)  # the web page test (tests/Web.Tests) drives it headless
command -v npm >/dev/null 2>&1 || missing+=(npm)  # the gateway's build installs the page's libraries with npm ci
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing ${missing[*]} from Debian..." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
