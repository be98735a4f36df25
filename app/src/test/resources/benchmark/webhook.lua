-- wrk script: replays pre-signed LINE webhook requests (one per line: signature TAB body), each
-- connection pausing between requests so that the whole run stays near the target rate.
-- Usage: wrk -t1 -c12 -d20s --latency -s webhook.lua URL -- requests.tsv pause_ms
local entries = {}
local index = 0
local pause = 20

function init(args)
  for line in io.lines(args[1]) do
    local tab = line:find("\t", 1, true)
    entries[#entries + 1] = { line:sub(1, tab - 1), line:sub(tab + 1) }
  end
  pause = tonumber(args[2]) or pause
end

function delay()
  return pause
end

function request()
  index = index + 1
  local entry = entries[((index - 1) % #entries) + 1]
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["x-line-signature"] = entry[1]
  }, entry[2])
end

function done(summary, latency, requests)
  io.write(string.format("WRK requests=%d seconds=%.1f rate=%.0f non2xx=%d errors=%d p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
end
