#!/usr/bin/env bash
# Gateway load benchmark (issue 2): wrk at 1000 connections against GET /cameras/{id} and
# POST /process/camera/{id} (one camera, then random cameras of the whole registry, each with the silo's cache hit
# rate over the run), beside GET /health in the same run, and the cost of one poll cycle of every
# camera of the shared registry served by the replay server. Everything on loopback, bounded in time.
#
#   bench/gateway/run.sh [DURATION_SECONDS=15] [CONNECTIONS=1000]
#
# Needs: wrk (apt-get install wrk), redis-server, ../shared/data (or VIBECHECK_DATA).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=${1:-15}
connections=${2:-1000}
DATA=${VIBECHECK_DATA:-$root/../shared/data}
registry="$DATA/nyc-camera-registry/skortchmark9-bus_cameras_all.json"
[ -f "$registry" ] || { echo "missing $registry"; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk"; exit 1; }
scripts/install-prerequisites.sh

work=$(mktemp -d)
free_port() { for p in $(seq "$1" $(($1 + 200))); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; }
redis_port=$(free_port 17379); replay_port=$(free_port 17080); gateway_port=$(free_port 17180); silo_http=$(free_port 17280)
silo_port=$(free_port 17411); silo_gw=$(free_port 17511)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --dir "$work" --logfile "$work/redis.log"
dotnet build VibeCheck.Orleans.sln -c Release --nologo -v quiet -clp:ErrorsOnly

export ConnectionStrings__Redis="127.0.0.1:$redis_port" Orleans__ClusterId=bench Orleans__ServiceId=bench
export NycDot__BaseUrl="http://127.0.0.1:$replay_port" Cameras__PollInterval="01:00:00"
export Auth__ApiKeys__0=bench-key Auth__AdminKeys__0=bench-admin-key RateLimits__WritesPerMinute=10000000 RateLimits__ReadsPerMinute=10000000
export Logging__LogLevel__Default=Warning VIBECHECK_BENCH_KEY=bench-key
dotnet ReplayServer/bin/Release/net10.0/linux-x64/VibeCheck.ReplayServer.dll --urls "http://127.0.0.1:$replay_port" \
  --Replay:RegistryPath="$registry" --Replay:FramesDirectory="$DATA/nyc-dot-frames" >"$work/replay.log" 2>&1 & pids+=($!)
(cd Silo && exec dotnet bin/Release/net10.0/linux-x64/VibeCheck.Silo.dll --urls "http://127.0.0.1:$silo_http" \
  --Orleans:SiloPort="$silo_port" --Orleans:GatewayPort="$silo_gw") >"$work/silo.log" 2>&1 & silo_pid=$!; pids+=($silo_pid)
(cd Gateway.Api && exec dotnet bin/Release/net10.0/linux-x64/VibeCheck.Gateway.dll --urls "http://127.0.0.1:$gateway_port") >"$work/gateway.log" 2>&1 & gateway_pid=$!; pids+=($gateway_pid)
base="http://127.0.0.1:$gateway_port"
for _ in $(seq 1 120); do curl -fsS "$base/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$base/health" >/dev/null || { echo "gateway not healthy"; tail -50 "$work/silo.log" "$work/gateway.log"; exit 1; }
# awk reads whole answers (head would close the pipe early, which pipefail reports as a failure).
for _ in $(seq 1 60); do n=$(curl -fsS "$base/status" | awk 'match($0, /"total":[0-9]+/) { print substr($0, RSTART + 8, RLENGTH - 8) }'); [ "${n:-0}" -gt 900 ] && break; sleep 1; done
camera=$(curl -fsS "$base/cameras" | awk 'match($0, /"id":"[0-9a-f-]+"/) { print substr($0, RSTART + 6, RLENGTH - 7) }')
echo "cameras in registry: $n; benchmark camera: $camera"

cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }

echo; echo "== one poll cycle of every camera (parallelism 256) =="
silo_cpu0=$(cpu_seconds "$silo_pid"); replay_before=$(curl -fsS "http://127.0.0.1:$replay_port/_replay/stats")
poll=$(curl -fsS -X POST -H "X-Api-Key: bench-admin-key" "$base/admin/cameras/poll?parallelism=256" || echo "{}")
silo_cpu1=$(cpu_seconds "$silo_pid")
echo "poll report: $poll"
echo "silo CPU seconds for the cycle: $(awk -v a="$silo_cpu0" -v b="$silo_cpu1" 'BEGIN{printf "%.2f", b - a}')"
echo "replay stats before/after: $replay_before $(curl -fsS "http://127.0.0.1:$replay_port/_replay/stats")"

run_wrk() { # name, url, extra args...
  local name=$1 url=$2; shift 2
  echo; echo "== $name: wrk -t2 -c$connections -d${duration}s --timeout 10s --latency $* $url =="
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "$@" "$url" | tee "$work/$name.txt" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors|requests in"
}
ulimit -n 65536 2>/dev/null || true
echo; echo "== warm-up (JIT, connection pools), not reported =="
for url in "$base/health" "$base/cameras/$camera"; do wrk -t2 -c100 -d3s "$url" >/dev/null; done
wrk -t2 -c100 -d3s -s bench/gateway/post.lua "$base/process/camera/$camera" >/dev/null
run_wrk health "$base/health"
run_wrk camera "$base/cameras/$camera"
# The cache hit rate as the silos count it (requests answered without a new analysis; issue 14, item 7), per run.
cache_counts() { curl -fsS "http://127.0.0.1:$silo_http/metrics" | awk '/^vibecheck_cache_requests_total/ { if ($0 ~ /result="hit"/) h += $NF; else m += $NF } END { printf "%d %d", h, m }'; }
report_cache() { # before-counts after-counts
  awk -v b="$1" -v a="$2" 'BEGIN { split(b, x, " "); split(a, y, " "); h = y[1] - x[1]; m = y[2] - x[2];
    printf "silo cache requests in the run: %d hits, %d misses, hit rate %.1f %%\n", h, m, (h + m) ? 100 * h / (h + m) : 0 }'
}
counts0=$(cache_counts)
run_wrk process "$base/process/camera/$camera" -s bench/gateway/post.lua
counts1=$(cache_counts); report_cache "$counts0" "$counts1"
curl -fsS "$base/cameras" | grep -oE '"id":"[0-9a-f-]{36}"' | cut -d'"' -f4 > "$work/cameras.txt"
export VIBECHECK_BENCH_CAMERAS="$work/cameras.txt"
run_wrk process-spread "$base" -s bench/gateway/post-spread.lua
counts2=$(cache_counts); report_cache "$counts1" "$counts2"
run_wrk health-again "$base/health"
echo; echo "gateway RSS: $(awk '/VmRSS/{print $2/1024 " MiB"}' /proc/$gateway_pid/status), silo RSS: $(awk '/VmRSS/{print $2/1024 " MiB"}' /proc/$silo_pid/status)"
