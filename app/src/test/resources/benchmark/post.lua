-- wrk script: POSTs a JSON body with headers; "{{uuid}}" in the body becomes a fresh UUID for
-- every request (a new clientRequestId, so every submission is a new application).
-- Usage: wrk ... -s post.lua URL -- body.json authorization_header_value pause_ms
local body_template = ""
local authorization = ""
local pause = 0

function init(args)
  local file = io.open(args[1], "r")
  body_template = file:read("*a")
  file:close()
  authorization = args[2]
  pause = tonumber(args[3]) or 0
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

local function uuid()
  return (string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

function delay()
  return pause
end

function request()
  local body = string.gsub(body_template, "{{uuid}}", uuid)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = authorization
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("WRK requests=%d seconds=%.1f rate=%.1f non2xx=%d errors=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
