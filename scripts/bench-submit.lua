-- wrk script for scripts/bench: anonymous submissions to a feedback form.
--   wrk ... -s scripts/bench-submit.lua http://127.0.0.1:PORT/f/SLUG -- RATING_FIELD RATING_VALUES COMMENT_FIELD
-- RATING_VALUES is comma-separated (very_good,good,...). Each thread counts the statuses it receives; `done`
-- prints one machine-readable line for the script to read.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local comments = {
  "The group was helpful and the facilitators were kind",
  "Good sessions, the handouts were clear",
  "Sometimes the room was too warm",
  "I liked practising the skills with others",
  "More time for questions at the end please",
}

function init(args)
  rating_field = args[1]
  ratings = {}
  for value in string.gmatch(args[2], "[^,]+") do table.insert(ratings, value) end
  comment_field = args[3]
  n = 0
  ok = 0       -- 2xx: the submission was acknowledged
  other = 0    -- anything else
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

local function encode(s)
  return (string.gsub(s, "[^%w%-%._~ ]", function(c) return string.format("%%%02X", string.byte(c)) end):gsub(" ", "+"))
end

function request()
  n = n + 1
  local body = rating_field .. "=" .. ratings[(n % #ratings) + 1]
  if comment_field ~= nil and comment_field ~= "" then
    body = body .. "&" .. comment_field .. "=" .. encode(comments[(n % #comments) + 1] .. " (" .. n .. ")")
  end
  return wrk.format("POST", nil, nil, body)
end

function response(status, headers, body)
  -- A stored response answers 303 to its thank-you page (post/redirect/get); only a committed one does.
  if (status >= 200 and status < 300) or status == 303 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local acknowledged, refused = 0, 0
  for _, thread in ipairs(threads) do
    acknowledged = acknowledged + thread:get("ok")
    refused = refused + thread:get("other")
  end
  io.write(string.format(
    "bench-submit: acknowledged=%d other=%d completed=%d duration_us=%d p99_us=%d socket_errors=%d\n",
    acknowledged, refused, summary.requests, summary.duration, latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
