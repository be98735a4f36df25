-- wrk script: POSTs a JSON body with headers; "{{uuid}}" in the body becomes a fresh UUID for
-- every request (a new clientRequestId, so every submission is a new application).
-- Usage: wrk ... -s post.lua URL -- body.json authorization pause_ms
-- authorization is one Authorization header value, or "@file" with one value per line: each
-- request then picks one of them (many residents instead of one), or "none".
local body_template = ""
local authorizations = {}
local pause = 0

function init(args)
  local file = io.open(args[1], "r")
  body_template = file:read("*a")
  file:close()
  if args[2] == "none" then
    authorizations = {}
  elseif string.sub(args[2], 1, 1) == "@" then
    for line in io.lines(string.sub(args[2], 2)) do
      if line ~= "" then table.insert(authorizations, line) end
    end
  else
    authorizations = { args[2] }
  end
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
  local headers = { ["Content-Type"] = "application/json" }
  if #authorizations > 0 then
    headers["Authorization"] = authorizations[math.random(1, #authorizations)]
  end
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("WRK requests=%d seconds=%.1f rate=%.1f non2xx=%d errors=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
