#!/usr/bin/env bash
# Scale run (issue 7): SILOS silos and two gateways on loopback with one Redis, polling CAMERAS cameras of the
# shared registry from the replay server every INTERVAL seconds, while wrk holds CONNECTIONS connections on the
# read endpoints of both gateways. With more than one silo, silo VICTIM is killed (SIGKILL) at KILL_AT seconds; after
# the load the script waits (at most RESUME_WAIT seconds) until every camera polls again, then reports from the replay
# server's per-camera request times how many cameras stopped (gap > 2 x INTERVAL), for how long, and how many were
# lost (still silent at the end: must be 0). Bounded: DURATION seconds of load, RESUME_WAIT seconds of waiting.
#
#   [KILL_AT=DURATION/2] [VICTIM=1] [RESUME_WAIT=180] bench/scale/run.sh [SILOS=3] [CAMERAS=922] [INTERVAL=10] [DURATION=60] [CONNECTIONS=1000]
#
# Silo 1 starts first and runs the first registry sync, so it holds every camera until the watchdog has moved a share
# to each other silo; the load starts once they are even (BALANCE_WAIT, default 120 s). Silo 1 usually holds the
# registry too: the default victim is the harder case.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
silos=${1:-3}; cameras=${2:-922}; interval=${3:-10}; duration=${4:-60}; connections=${5:-1000}
kill_at=${KILL_AT:-$((duration / 2))}; victim_index=${VICTIM:-1}; resume_wait=${RESUME_WAIT:-180}
[ "$victim_index" -ge 1 ] && [ "$victim_index" -le "$silos" ] || { echo "VICTIM must be 1..$silos"; exit 1; }
DATA=${VIBECHECK_DATA:-$root/../shared/data}
registry="$DATA/nyc-camera-registry/skortchmark9-bus_cameras_all.json"
[ -f "$registry" ] || { echo "missing $registry"; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk"; exit 1; }
scripts/install-prerequisites.sh
[ "${SKIP_BUILD:-}" = 1 ] || dotnet build VibeCheck.Orleans.sln -c Release --nologo -v quiet -clp:ErrorsOnly

work=$(mktemp -d)
free_port() { for p in $(seq "$1" $(($1 + 300))); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; }
redis_port=$(free_port 18379); replay_port=$(free_port 18080)
pids=(); silo_pids=(); gateway_pids=(); names=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --dir "$work" --logfile "$work/redis.log"

export ConnectionStrings__Redis="127.0.0.1:$redis_port" Orleans__ClusterId=scale Orleans__ServiceId=scale
export NycDot__BaseUrl="http://127.0.0.1:$replay_port" Cameras__PollInterval="00:00:$(printf %02d "$interval")" Cameras__MaxWatched="$cameras"
export Cameras__KeepAlivePeriod=00:01:00 Auth__ApiKeys__0=bench-key Auth__AdminKeys__0=bench-admin-key
export RateLimits__WritesPerMinute=10000000 RateLimits__ReadsPerMinute=10000000 Logging__LogLevel__Default=Warning
export Warehouse__DataDirectory="$work/warehouse"
dotnet ReplayServer/bin/Release/net10.0/linux-x64/VibeCheck.ReplayServer.dll --urls "http://127.0.0.1:$replay_port" \
  --Replay:RegistryPath="$registry" --Replay:FramesDirectory="$DATA/nyc-dot-frames" >"$work/replay.log" 2>&1 & pids+=($!)

silo_http=()
for i in $(seq 1 "$silos"); do
  http=$(free_port $((18180 + i * 10))); sp=$(free_port $((18411 + i * 10))); gp=$(free_port $((18611 + i * 10)))
  (cd Silo && exec dotnet bin/Release/net10.0/linux-x64/VibeCheck.Silo.dll --urls "http://127.0.0.1:$http" \
    --Orleans:SiloPort="$sp" --Orleans:GatewayPort="$gp") >"$work/silo$i.log" 2>&1 &
  pids+=($!); silo_pids+=($!); silo_http+=("$http"); names+=("silo$i")
  sleep 3 # one at a time, as the Orleans notes advise
done
gateways=()
for i in 1 2; do
  port=$(free_port $((18900 + i * 10)))
  (cd Gateway.Api && exec dotnet bin/Release/net10.0/linux-x64/VibeCheck.Gateway.dll --urls "http://127.0.0.1:$port") >"$work/gateway$i.log" 2>&1 &
  pids+=($!); gateway_pids+=($!); gateways+=("http://127.0.0.1:$port"); names+=("gateway$i")
done
for g in "${gateways[@]}"; do
  for _ in $(seq 1 120); do curl -fsS "$g/health" >/dev/null 2>&1 && break; sleep 1; done
done
camera=$(curl -fsS "${gateways[0]}/cameras" | awk 'match($0, /"id":"[0-9a-f-]+"/) { print substr($0, RSTART + 6, RLENGTH - 7) }')
requests() { curl -fsS "http://127.0.0.1:$replay_port/_replay/stats" | tr -dc '0-9'; }
now_ms() { date +%s%3N; }
# Per camera, from the replay server's request times since $1 (Unix ms): stop = the longest gap between two
# requests (the one spanning $1 included) or the gap still open now, whichever is longer.
stop_report() {
  curl -fsS "http://127.0.0.1:$replay_port/_replay/polls?since=$1" | jq -r --argjson t "$2" '
    def pct(p): if length == 0 then "-" else (.[((p * length) | ceil) - 1] / 1000 | . * 10 | round / 10 | tostring) + " s" end;
    [.cameras[] | ([.longestGapMs, .openGapMs] | max)] as $stops
    | ([$stops[] | select(. > $t)] | sort) as $stopped
    | "cameras polled: \(.cameras | length); longest gap of every camera: median \($stops | sort | pct(0.5)) / p90 \($stops | sort | pct(0.9)) / max \($stops | sort | pct(1)); stopped (gap > \($t / 1000) s): \($stopped | length); stop median \($stopped | pct(0.5)) / p90 \($stopped | pct(0.9)) / max \($stopped | pct(1))"
      + "; lost (silent > \($t / 1000) s at the end): \([.cameras[] | select(.openGapMs > $t)] | length)"
      + (if any(.cameras[]; .truncated) then " (history truncated for some cameras)" else "" end)'
}
silent() { curl -fsS "http://127.0.0.1:$replay_port/_replay/polls?since=$1" | jq --argjson t "$2" '[.cameras[] | select(.openGapMs > $t)] | length'; }
cpu() { awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$1/stat" 2>/dev/null || echo "-"; }
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "-"; }

echo "silos=$silos cameras=$cameras interval=${interval}s duration=${duration}s connections=$connections (split over 2 gateways)$([ "$silos" -gt 1 ] && echo ", SIGKILL of silo$victim_index at t=${kill_at}s")"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
sleep "$interval" # let every camera poll once before measuring
# Silo 1 ran the first sync before the others joined; the watchdog moves cameras to them. Wait (at most
# BALANCE_WAIT s) until every silo holds its share, running watchdog passes on demand.
sweep() { curl -fsS -X POST -H "X-Api-Key: bench-admin-key" "${gateways[0]}/admin/cameras/sweep"; }
placement() { jq -r '[.camerasBySilo | to_entries[] | "\(.key | sub(":[0-9]+$"; "")): \(.value)"] | join(", ")'; }
balance_wait=${BALANCE_WAIT:-120}; balanced_in=0
while [ "$balanced_in" -lt "$balance_wait" ]; do
  report=$(sweep) || { sleep 3; balanced_in=$((balanced_in + 3)); continue; }
  if [ "$(jq '.moved' <<<"$report")" -eq 0 ] && [ "$(jq '[.camerasBySilo[]] | (max - min) <= 1 and length == '"$silos" <<<"$report")" = true ]; then break; fi
  sleep 3; balanced_in=$((balanced_in + 3))
done
echo "cameras per silo before the load (after ${balanced_in}s of balancing): $(placement <<<"$report")"
sleep "$interval" # moved cameras poll again before measuring
declare -A cpu0; all=("${silo_pids[@]}" "${gateway_pids[@]}")
for p in "${all[@]}"; do cpu0[$p]=$(cpu "$p"); done
r0=$(requests); t0=$(date +%s.%N)
half=$((connections / 2)); wrk_pids=()
ulimit -n 65536 2>/dev/null || true
for g in "${gateways[@]}"; do
  wrk -t1 -c"$half" -d"${duration}s" --timeout 10s --latency "$g/cameras/$camera" >"$work/wrk-${g##*:}.txt" &
  wrk_pids+=($!)
done
# Per-second image request rate; kill the victim silo at KILL_AT.
victim=${silo_pids[$((victim_index - 1))]}
measured_from=$(now_ms)
: >"$work/rate.txt"
prev=$r0
for s in $(seq 1 "$duration"); do
  sleep 1
  now=$(requests); echo "$s $((now - prev))" >>"$work/rate.txt"; prev=$now
  if [ "$s" -eq "$kill_at" ] && [ "$silos" -gt 1 ]; then measured_from=$(now_ms); kill -KILL "$victim"; echo "t=${s}s: killed silo$victim_index (pid $victim)"; fi
done
wait "${wrk_pids[@]}" || true
sleep 1
t1=$(date +%s.%N); r1=$(requests)
declare -A cpu1; for p in "${all[@]}"; do cpu1[$p]=$(cpu "$p"); done
echo "load average after the load: $(cut -d' ' -f1-3 /proc/loadavg)"
threshold=$((2 * interval * 1000))
waited=0
while [ "$waited" -lt "$resume_wait" ]; do
  if [ $(($(now_ms) - measured_from)) -gt "$threshold" ] && [ "$(silent "$measured_from" "$threshold")" -eq 0 ]; then break; fi
  sleep 2; waited=$((waited + 2))
done
echo; echo "frames fetched per second (whole run): $(awk -v a="$r0" -v b="$r1" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.1f", (b - a) / (t1 - t0) }') (expected $(awk -v c="$cameras" -v i="$interval" 'BEGIN { printf "%.1f", c / i }'))"
echo "per-second fetch rate (t rate):"; tr '\n' ' ' <"$work/rate.txt"; echo
for g in "${gateways[@]}"; do
  f="$work/wrk-${g##*:}.txt"
  echo "wrk $g/cameras/{id}: $(grep -E 'Requests/sec' "$f" | tr -s ' ') | p50 $(awk '/ 50%/ {print $2}' "$f") | p99 $(awk '/ 99%/ {print $2}' "$f") | errors: $(grep -E 'Non-2xx|Socket errors' "$f" | tr -s ' ' | tr '\n' ' ')"
done
echo "per-camera stop since $([ "$silos" -gt 1 ] && echo "the kill" || echo "the start of the load") (waited ${waited}s of at most ${resume_wait}s after the load): $(stop_report "$measured_from" "$threshold")"
echo "process CPU seconds during the load / RSS MiB at the end:"
i=0
for p in "${all[@]}"; do
  echo "  ${names[$i]}: $(awk -v a="${cpu0[$p]}" -v b="${cpu1[$p]}" 'BEGIN { if (b == "-") print "killed"; else printf "%.1f s", b - a }') / $(rss "$p") MiB"
  i=$((i + 1))
done
echo "cameras per silo at the end: $(sweep | placement)"
curl -fsS "${gateways[0]}/status" | head -c 600; echo
