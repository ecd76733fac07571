using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

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

    /// <summary>How long a file must stay unchanged before it is reloaded; editors write a file in several steps. From zero to one day; default 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "{0} must be from zero to one day.")]
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// With <see cref="ReloadOnChange"/>, how often the files' content is also compared with what was loaded, for
    /// changes no file-system event reports (network file systems, a replaced parent folder). Reading the files is
    /// cheap, and unchanged content compiles nothing. <see cref="TimeSpan.Zero"/> turns polling off. At most one day; default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "{0} must be from zero to one day.")]
    public TimeSpan ReloadPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The analysis limits, default language and regulatory deadlines: the same options as a <see cref="ComplaintAnalyzer"/>
    /// created in code (configuration section <c>ComplaintRules:Analyzer</c>). In a host, the deadlines' clock is the
    /// container's <see cref="TimeProvider"/> when one is registered.
    /// </summary>
    [ValidateObjectMembers]
    public ComplaintAnalyzerOptions Analyzer { get; } = new();

    /// <summary>Memory limits of the early-warning <see cref="ComplaintMonitor"/> (configuration section <c>ComplaintRules:Monitor</c>).</summary>
    [ValidateObjectMembers]
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
}
