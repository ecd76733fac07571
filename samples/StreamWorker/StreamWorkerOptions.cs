namespace ComplaintRules.Samples.StreamWorker;

/// <summary>Where a worker reads and writes, and how it recovers the entries of workers that died.</summary>
public sealed record StreamWorkerOptions
{
    /// <summary>The stream of complaints: entries with a field <c>complaint</c> holding one complaint as JSON.</summary>
    public string Input { get; init; } = "complaints";

    /// <summary>The stream of assessments: entries with fields <c>id</c> and <c>assessment</c> (or <c>error</c>).</summary>
    public string Output { get; init; } = "assessments";

    /// <summary>The consumer group every worker joins.</summary>
    public string Group { get; init; } = "analyzers";

    /// <summary>This worker's name in the group; unique per worker.</summary>
    public string Consumer { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Entries read per round trip.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>How long an entry stays pending, unacknowledged, before another worker takes it over: longer than any batch takes.</summary>
    public TimeSpan ClaimIdle { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a worker looks for entries to take over.</summary>
    public TimeSpan ClaimInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a complaint id is remembered, so an entry delivered twice is written once.</summary>
    public TimeSpan DedupeWindow { get; init; } = TimeSpan.FromDays(1);
}
