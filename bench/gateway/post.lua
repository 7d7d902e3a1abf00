-- wrk script: POST with the benchmark's API key.
wrk.method = "POST"
wrk.headers["X-Api-Key"] = os.getenv("VIBECHECK_BENCH_KEY") or "bench-key"
