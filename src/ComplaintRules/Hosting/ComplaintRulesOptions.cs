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

    /// <summary>Rule-set files layered, in order, after the default and after <see cref="AdditionalSources"/>.</summary>
    public IList<string> RuleFiles { get; } = [];

    /// <summary>Rule-set documents from code (strings, streams), layered after the default and before <see cref="RuleFiles"/>.</summary>
    public IList<RuleSetSource> AdditionalSources { get; } = [];

    /// <summary>Whether the rule set is rebuilt when a file of <see cref="RuleFiles"/> changes on disk. Default <see langword="false"/>.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>How long a file must stay unchanged before it is reloaded; editors write a file in several steps. Default 500 ms.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

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
    public IReadOnlyList<RuleSetSource> BuildSources()
    {
        var sources = new List<RuleSetSource>();
        if (UseDefaultRules)
        {
            sources.Add(RuleSetSource.Default);
        }

        sources.AddRange(AdditionalSources);
        sources.AddRange(RuleFiles.Select(RuleSetSource.FromFile));
        return sources;
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
