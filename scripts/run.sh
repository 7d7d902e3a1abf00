#!/usr/bin/env bash
# Starts the whole system on this machine: Redis, one silo and the gateway (and, with --replay, the replay
# server that imitates the NYC DOT API from recorded frames). Ctrl-C stops everything.
#
#   scripts/run.sh             # polls the real NYC DOT API (https://webcams.nyctmc.org)
#   scripts/run.sh --replay    # offline demo from ../shared/data (or $VIBECHECK_DATA)
#
# Ports: gateway $GATEWAY_PORT (8080), silo HTTP $SILO_HTTP_PORT (8081), replay $REPLAY_PORT (5080),
# Redis $REDIS_PORT (6379).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
replay=false
[ "${1:-}" = "--replay" ] && replay=true

GATEWAY_PORT=${GATEWAY_PORT:-8080}
SILO_HTTP_PORT=${SILO_HTTP_PORT:-8081}
REPLAY_PORT=${REPLAY_PORT:-5080}
REDIS_PORT=${REDIS_PORT:-6379}
DATA=${VIBECHECK_DATA:-$root/../shared/data}
run_dir="$root/.run"
mkdir -p "$run_dir"

scripts/install-prerequisites.sh
# The COCO detector's model files; without them the silo falls back (loudly) to the motion-only detector.
scripts/fetch-models.sh || echo "WARNING: model files not installed; cameras will see motion only" >&2

pids=()
cleanup() {
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  echo "Redis already answers on 127.0.0.1:$REDIS_PORT"
else
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$run_dir" --appendonly yes --daemonize yes \
    --pidfile "$run_dir/redis.pid" --logfile "$run_dir/redis.log"
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "Redis started on 127.0.0.1:$REDIS_PORT (data in .run/, stop with: redis-cli -p $REDIS_PORT shutdown)"
fi
# Membership rows of silos that were killed stay "Active" and slow the next start; a local run starts clean.
redis-cli -p "$REDIS_PORT" del "vibecheck/members/vibecheck" >/dev/null

echo "Building (Release)..."
dotnet build VibeCheck.Orleans.sln -c Release --nologo -v quiet -clp:ErrorsOnly

export ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT"
# A key for this session unless one is given; production keys come from a secret store.
export Auth__ApiKeys__0=${VIBECHECK_API_KEY:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
export Auth__AdminKeys__0=${VIBECHECK_ADMIN_KEY:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
if $replay; then
  registry="$DATA/nyc-camera-registry/skortchmark9-bus_cameras_all.json"
  [ -f "$registry" ] || { echo "No recorded registry at $registry; set VIBECHECK_DATA"; exit 1; }
  dotnet ReplayServer/bin/Release/net10.0/linux-x64/VibeCheck.ReplayServer.dll --urls "http://127.0.0.1:$REPLAY_PORT" \
    --Replay:RegistryPath="$registry" --Replay:FramesDirectory="$DATA/nyc-dot-frames" >"$run_dir/replay.log" 2>&1 &
  pids+=($!)
  export NycDot__BaseUrl="http://127.0.0.1:$REPLAY_PORT"
  echo "Replay server on http://127.0.0.1:$REPLAY_PORT (recorded frames from $DATA/nyc-dot-frames)"
fi

(cd Silo && exec dotnet bin/Release/net10.0/linux-x64/VibeCheck.Silo.dll --urls "http://127.0.0.1:$SILO_HTTP_PORT") >"$run_dir/silo.log" 2>&1 &
silo_pid=$!; pids+=($silo_pid)
(cd Gateway.Api && exec dotnet bin/Release/net10.0/linux-x64/VibeCheck.Gateway.dll --urls "http://127.0.0.1:$GATEWAY_PORT") >"$run_dir/gateway.log" 2>&1 &
gateway_pid=$!; pids+=($gateway_pid)

# Waits as long as both processes live: a slow start (first build, a loaded machine) is not a failure, and the gateway
# keeps retrying until a silo answers. A process that exits is, and its log says why.
echo "Waiting for the cluster..."
waited=0
until curl -fsS "http://127.0.0.1:$GATEWAY_PORT/health" >/dev/null 2>&1; do
  for part in silo gateway; do
    pid_var="${part}_pid"
    if ! kill -0 "${!pid_var}" 2>/dev/null; then
      echo "The $part exited during start; the end of .run/$part.log:"; tail -20 "$run_dir/$part.log"; exit 1
    fi
  done
  sleep 1; waited=$((waited + 1))
  if [ $((waited % 30)) -eq 0 ]; then
    echo "  still waiting after ${waited} s: $(curl -sS "http://127.0.0.1:$GATEWAY_PORT/health" 2>&1 | grep -oE '"detail":"[^"]*"' | head -1)"
  fi
done

cat <<INFO

VibeCheck is running.
  API          http://127.0.0.1:$GATEWAY_PORT/cameras   (status: /status, health: /health)
  OpenAPI      http://127.0.0.1:$GATEWAY_PORT/openapi/v1.json
  Dashboard    http://127.0.0.1:$GATEWAY_PORT/dashboard/
  Metrics      http://127.0.0.1:$GATEWAY_PORT/metrics  (silo: http://127.0.0.1:$SILO_HTTP_PORT/metrics)
  API key      $Auth__ApiKeys__0   (X-Api-Key header; admin key: $Auth__AdminKeys__0)
  Logs         .run/silo.log, .run/gateway.log
Press Ctrl-C to stop.
INFO
wait
