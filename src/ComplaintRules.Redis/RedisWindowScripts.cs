namespace ComplaintRules.Redis;

/// <summary>
/// The Lua scripts that count one complaint and decide its alert in one atomic step, so concurrent instances never
/// both raise (or both miss) the same condition. They follow ComplaintMonitor's local windows rule for rule.
/// </summary>
internal static class RedisWindowScripts
{
    // ARGV: prefix, key, epoch, buckets per window, rise (1/0), threshold, min baseline, rise percent, max categories, ttl ms.
    // Buckets are hashes named by epoch (bucket number since year 1); a window sums the last `per` of them.
    public const string Category = """
        local prefix, key = ARGV[1], ARGV[2]
        local epoch, per = tonumber(ARGV[3]), tonumber(ARGV[4])
        local threshold, minBaseline, risePercent = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
        local bucket = prefix .. 'b:' .. ARGV[3]
        if redis.call('HEXISTS', bucket, key) == 0 and redis.call('HLEN', bucket) >= tonumber(ARGV[9]) then
          key = 'other'
        end
        redis.call('HINCRBY', bucket, key, 1)
        redis.call('PEXPIRE', bucket, ARGV[10])
        local function sum(from, to)
          local n = 0
          for e = from, to do
            local v = redis.call('HGET', prefix .. 'b:' .. string.format('%d', e), key)
            if v then n = n + tonumber(v) end
          end
          return n
        end
        local current = sum(epoch - per + 1, epoch)
        local previous = -1
        local crossed
        if ARGV[5] == '1' then
          previous = sum(epoch - 2 * per + 1, epoch - per)
          crossed = current >= threshold and previous >= minBaseline and (current - previous) * 100.0 >= risePercent * previous
        else
          crossed = current >= threshold
        end
        local raise = 0
        if crossed then
          local alertKey = prefix .. 'a:' .. key
          local last = redis.call('GET', alertKey)
          if (not last) or epoch - tonumber(last) >= per then
            redis.call('SET', alertKey, ARGV[3], 'PX', ARGV[10])
            raise = 1
          end
        end
        return { raise, key, current, previous }
        """;

    // ARGV: prefix, customer, ticks, horizon (both zero-padded to 19 digits, so string order is numeric order and no
    // precision is lost to Lua's doubles), threshold, ttl ms. Keeps the customer's last `threshold` complaint times.
    public const string Customer = """
        local list = ARGV[1] .. 'c:' .. ARGV[2]
        local alertKey = ARGV[1] .. 'ca:' .. ARGV[2]
        local ticks, horizon, threshold = ARGV[3], ARGV[4], tonumber(ARGV[5])
        redis.call('LPUSH', list, ticks)
        redis.call('LTRIM', list, 0, threshold - 1)
        redis.call('PEXPIRE', list, ARGV[6])
        local count = 0
        for _, t in ipairs(redis.call('LRANGE', list, 0, -1)) do
          if t > horizon then count = count + 1 end
        end
        if count < threshold then return { 0, count } end
        local last = redis.call('GET', alertKey)
        if last and last > horizon then return { 0, count } end
        redis.call('SET', alertKey, ticks, 'PX', ARGV[6])
        return { 1, count }
        """;
}
