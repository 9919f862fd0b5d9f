-- Every request gets a query string of its own, so no cache answers it: the page is rendered each time.
local threads_started = 0

setup = function(thread)
  threads_started = threads_started + 1
  thread:set("thread_number", threads_started)
end

local counter = 0

init = function(args)
  counter = thread_number * 1000000000
end

request = function()
  counter = counter + 1
  local path = wrk.path
  local separator = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, path .. separator .. "bench=" .. counter)
end
