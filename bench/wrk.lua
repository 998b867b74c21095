-- wrk.lua — one endpoint of dti serve under load, with the session cookie
-- when the endpoint needs a login.
--   wrk -t2 -c32 -d10s -s bench/wrk.lua http://127.0.0.1:8080/api/v1/health
-- Env: DTI_COOKIE "dti_session=..." (from bench/run.sh's login), or none.
-- Prints one line "RESULT path rps p50_ms p99_ms errors" for bench/run.sh.
local cookie = os.getenv("DTI_COOKIE")

request = function()
  local headers = { ["Accept"] = "application/json" }
  if cookie and #cookie > 0 then headers["Cookie"] = cookie end
  return wrk.format("GET", nil, headers)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %s %.0f %.2f %.2f %d\n", wrk.path,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
