namespace ComplaintRules;

/// <summary>
/// How a host runs ComplaintRules: which rule files, whether they reload on change, and the analysis limits.
/// Bind it from configuration (section <c>ComplaintRules</c>) or set it in code through <c>AddComplaintRules</c>.
/// </summary>
public sealed class ComplaintRulesOptions
{
    /// <summary>The conventional configuration section name, <c>ComplaintRules</c>.</summary>
    public const string SectionName = "ComplaintRules";

    /// <summary>Whether the embedded default rule set is the first layer. Default <see langword="true"/>.</summary>
    public bool UseDefaultRules { get; set; } = true;

    /// <summary>
    /// Rule-set files layered, in order, after the default and after <see cref="AdditionalSources"/>. A relative path
    /// resolves against <see cref="ContentRoot"/>, and errors name the resolved path.
    /// </summary>
    public IList<string> RuleFiles { get; } = [];

    /// <summary>
    /// The folder relative <see cref="RuleFiles"/> resolve against. Default <see langword="null"/>: in a host,
    /// <c>AddComplaintRules</c> sets the host's content root (<c>IHostEnvironment.ContentRootPath</c>); without one,
    /// the current directory.
    /// </summary>
    public string? ContentRoot { get; set; }

    /// <summary>Rule-set documents from code (strings, streams), layered after the default and before <see cref="RuleFiles"/>.</summary>
    public IList<RuleSetSource> AdditionalSources { get; } = [];

    /// <summary>Whether the rule set is rebuilt when a file of <see cref="RuleFiles"/> changes on disk. Default <see langword="false"/>.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>How long a file must stay unchanged before it is reloaded; editors write a file in several steps. Default 500 ms.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// With <see cref="ReloadOnChange"/>, how often the files' content is also compared with what was loaded, for
    /// changes no file-system event reports (network file systems, a replaced parent folder). Reading the files is
    /// cheap, and unchanged content compiles nothing. <see cref="TimeSpan.Zero"/> turns polling off. Default 30 seconds.
    /// </summary>
    public TimeSpan ReloadPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest text analysed, in characters; longer text is cut with a warning. Default 100,000.</summary>
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>The longest id, language, channel, product, currency, regime, customer id, tag and attribute name; see <see cref="ComplaintAnalyzerOptions.MaxFieldLength"/>. Default 256.</summary>
    public int MaxFieldLength { get; set; } = 256;

    /// <summary>The longest customer demand analysed, in characters. Default 10,000.</summary>
    public int MaxDemandLength { get; set; } = 10_000;

    /// <summary>The longest attribute value, in characters. Default 1,000.</summary>
    public int MaxAttributeValueLength { get; set; } = 1_000;

    /// <summary>The most customer tags, and the most attributes, analysed. Default 64.</summary>
    public int MaxEntries { get; set; } = 64;

    /// <summary>The language assumed when a complaint gives none (<c>zh</c>, <c>en</c>), or <see langword="null"/> to detect it. Default <see langword="null"/>.</summary>
    public string? DefaultLanguage { get; set; }

    /// <summary>
    /// Regulatory deadlines: the default regime, acknowledgement targets and calendars (none by default). In a host,
    /// the clock is the container's <see cref="TimeProvider"/>.
    /// </summary>
    public DeadlineOptions Deadlines { get; } = new();

    /// <summary>Memory limits of the early-warning <see cref="ComplaintMonitor"/>.</summary>
    public ComplaintMonitorOptions Monitor { get; } = new();

    /// <summary>The sources in layering order: the default, <see cref="AdditionalSources"/>, then <see cref="RuleFiles"/>.</summary>
    /// <returns>The sources.</returns>
    public IReadOnlyList<RuleSetSource> BuildSources() => [.. BuildFixedSources(), .. ResolveRuleFiles().Select(RuleSetSource.FromFile)];

    /// <summary>The sources that are not files: the default and <see cref="AdditionalSources"/>.</summary>
    internal IReadOnlyList<RuleSetSource> BuildFixedSources() =>
        [.. UseDefaultRules ? [RuleSetSource.Default] : Array.Empty<RuleSetSource>(), .. AdditionalSources];

    /// <summary>The full paths of <see cref="RuleFiles"/>, relative ones resolved against <see cref="ContentRoot"/>.</summary>
    internal IReadOnlyList<string> ResolveRuleFiles()
    {
        var root = string.IsNullOrWhiteSpace(ContentRoot) ? Directory.GetCurrentDirectory() : Path.GetFullPath(ContentRoot);
        return [.. RuleFiles.Select(file => Path.GetFullPath(file, root))];
    }

    internal ComplaintAnalyzerOptions ToAnalyzerOptions(TimeProvider? clock = null)
    {
        var options = new ComplaintAnalyzerOptions
        {
            MaxTextLength = MaxTextLength,
            MaxFieldLength = MaxFieldLength,
            MaxDemandLength = MaxDemandLength,
            MaxAttributeValueLength = MaxAttributeValueLength,
            MaxEntries = MaxEntries,
            DefaultLanguage = DefaultLanguage,
        };
        Deadlines.CopyTo(options.Deadlines);
        options.Deadlines.TimeProvider = clock ?? Deadlines.TimeProvider;
        return options;
    }
}
