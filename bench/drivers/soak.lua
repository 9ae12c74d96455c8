-- The valid traffic of the bench/reliability soak, one kind per wrk run, and a count of the status codes it got.
--   wrk ... -s bench/drivers/soak.lua URL -- KIND TOKEN
-- KIND: me (GET /api/me), get (GET /api/settings/soak.read), put (PUT /api/settings/soak.tN.kM with a
-- read-and-write token: a key per thread, cycling through 1,000, so that no two requests in flight write the same
-- key). All of it comes from 127.0.0.1: the bad tokens come from bench/drivers/BadTokens.java, from other loopback
-- addresses, because the throttle would block 127.0.0.1 and with it this traffic. done() prints "KIND STATUS COUNT",
-- and "KIND socket-error N" for the connection errors and timeouts wrk counts (they got no status at all).
local threads = {}
local next_id = 0

function setup(thread)
    next_id = next_id + 1
    thread:set("id", next_id)
    table.insert(threads, thread)
end

local token, counter = nil, 0
counts = {}
kind = nil -- global: done() runs in another Lua state and reads it from a thread

function init(args)
    kind = args[1]
    token = args[2]
end

function request()
    counter = counter + 1
    if kind == "me" then
        return wrk.format("GET", "/api/me", {["Authorization"] = "Bearer " .. token})
    elseif kind == "get" then
        return wrk.format("GET", "/api/settings/soak.read", {["Authorization"] = "Bearer " .. token})
    else -- put
        return wrk.format("PUT", "/api/settings/soak.t" .. id .. ".k" .. (counter % 1000),
            {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"},
            '{"value": "soak value ' .. counter .. '"}')
    end
end

function response(status, headers, body)
    counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    local kind = threads[1]:get("kind")
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + n end
    end
    for status, n in pairs(total) do io.write(kind, " ", status, " ", n, "\n") end
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    if errors > 0 then io.write(kind, " socket-error ", errors, "\n") end
end
