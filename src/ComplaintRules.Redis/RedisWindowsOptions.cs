namespace ComplaintRules.Redis;

/// <summary>
/// Options of <see cref="RedisWindowsBuilderExtensions.UseRedisWindows"/>: configuration section
/// <c>ComplaintRules:Redis</c> (<c>ComplaintRules:{name}:Redis</c> for a keyed registration).
/// </summary>
public sealed class RedisWindowsOptions
{
    /// <summary>The section of the unnamed registration.</summary>
    public const string SectionName = "ComplaintRules:Redis";

    /// <summary>
    /// The StackExchange.Redis configuration string, e.g. <c>redis-1:6379,password=…</c>. When empty, the key
    /// <c>Configuration</c> of the section is read, then the connection string <c>Redis</c>
    /// (<c>ConnectionStrings:Redis</c>). <c>abortConnect=false</c> is always applied, so a host starts while Redis is down.
    /// Not needed when an <c>IConnectionMultiplexer</c> is registered: that one is used.
    /// </summary>
    public string? Configuration { get; set; }

    /// <summary>The prefix of every key. Instances share windows when they share a server and this prefix. Default <c>complaintrules</c> (with the name of a keyed registration appended).</summary>
    public string? KeyPrefix { get; set; }
}
