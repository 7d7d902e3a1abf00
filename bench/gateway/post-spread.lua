-- wrk script: POST /process/camera/{id} for a random camera of the list in $VIBECHECK_BENCH_CAMERAS (one id a line),
-- with the benchmark's API key: the whole city asked at once, not one camera.
local ids = {}
for line in io.lines(os.getenv("VIBECHECK_BENCH_CAMERAS")) do ids[#ids + 1] = line end
wrk.method = "POST"
wrk.headers["X-Api-Key"] = os.getenv("VIBECHECK_BENCH_KEY") or "bench-key"
request = function()
  return wrk.format(nil, "/process/camera/" .. ids[math.random(#ids)])
end
