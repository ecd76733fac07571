using System.Net;

namespace ComplaintRules.Cli.Workbench;

/// <summary>What <c>complaint-rules serve</c> was started with: the only files the workbench reads or writes.</summary>
internal sealed record WorkbenchOptions
{
    /// <summary>The default port: fixed, so a bookmark keeps working; <c>--port 0</c> takes a free one.</summary>
    public const int DefaultPort = 5717;

    /// <summary>The rule files, in layering order; the only files Save may write, addressed by their index.</summary>
    public IReadOnlyList<string> RuleFiles { get; init; } = [];

    /// <summary>Whether the embedded default rule set is the first layer.</summary>
    public bool IncludeDefault { get; init; } = true;

    /// <summary>The rule-test case files, read again at each run.</summary>
    public IReadOnlyList<string> CaseFiles { get; init; } = [];

    /// <summary>The labelled complaints for the Score tab, read again at each run; none leaves the tab empty.</summary>
    public string? LabelledFile { get; init; }

    /// <summary>The port; 0 picks a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The address to listen on; loopback unless <c>--listen</c> says otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// The token every API call must carry (header <c>X-Workbench-Token</c>) when the workbench listens beyond
    /// loopback; <see langword="null"/> on loopback, where the Host header check keeps other sites out.
    /// </summary>
    public string? Token { get; init; }

    /// <summary>The largest request body, in bytes: rule files are at most 4 MiB each, so a few of them fit.</summary>
    public long MaxRequestBytes { get; init; } = 16L << 20;

    /// <summary>The largest complaint to analyse, in bytes of JSON.</summary>
    public long MaxComplaintBytes { get; init; } = 1L << 20;
}
