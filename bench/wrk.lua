-- wrk.lua — dti serve under load: one endpoint, or a mix of endpoints
-- requested in turn (what one screen requests), with the session cookie,
-- and for a write the method, body and CSRF token.
--   wrk -t2 -c32 -d10s -s bench/wrk.lua http://127.0.0.1:8080/api/v1/health
-- Env (all optional; bench/run.sh sets them):
--   DTI_COOKIE   "dti_session=..." (from bench/run.sh's login)
--   DTI_PATHS    space-separated paths requested in turn by each connection
--                (default: the path of the URL)
--   DTI_METHOD   GET (default), PUT, POST
--   DTI_BODY     a file whose content is the body of every request
--   DTI_TYPE     its Content-Type
--   DTI_CSRF     the session's CSRF token (X-CSRF-Token), for writes
--   DTI_NAME     the name printed on the RESULT line (default: the path)
-- Prints one line for bench/run.sh:
--   RESULT name requests rps p50_ms p99_ms max_ms socket_errors non_2xx_3xx
local cookie = os.getenv("DTI_COOKIE")
local method = os.getenv("DTI_METHOD") or "GET"
local ctype = os.getenv("DTI_TYPE")
local csrf = os.getenv("DTI_CSRF")
local bodyfile = os.getenv("DTI_BODY")
local pathlist = os.getenv("DTI_PATHS")

local body = nil
if bodyfile and #bodyfile > 0 then
  local f = assert(io.open(bodyfile, "rb"))
  body = f:read("*a")
  f:close()
end

local requests = {}
local nreq, idx = 0, 0

init = function(args)
  local headers = { ["Accept"] = "application/json" }
  if cookie and #cookie > 0 then headers["Cookie"] = cookie end
  if csrf and #csrf > 0 then headers["X-CSRF-Token"] = csrf end
  if ctype and #ctype > 0 then headers["Content-Type"] = ctype end
  local paths = {}
  if pathlist and #pathlist > 0 then
    for p in pathlist:gmatch("%S+") do paths[#paths + 1] = p end
  else
    paths[1] = wrk.path
  end
  for i, p in ipairs(paths) do
    requests[i] = wrk.format(method, p, headers, body)
  end
  nreq = #requests
end

request = function()
  idx = idx % nreq + 1
  return requests[idx]
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
               + summary.errors.timeout
  local name = os.getenv("DTI_NAME")
  if not name or #name == 0 then name = wrk.path end
  io.write(string.format("RESULT %s %d %.0f %.2f %.2f %.2f %d %d\n", name, summary.requests,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.errors.status))
end
