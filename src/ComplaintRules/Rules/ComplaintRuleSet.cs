using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules;

/// <summary>
/// A loaded, validated and compiled rule set: lexicons, rules for every decision, and the remedy catalogue.
/// Immutable and thread-safe; load it once and share it.
/// </summary>
public sealed class ComplaintRuleSet
{
    private static readonly Lazy<ComplaintRuleSet> s_default = new(() => Load(RuleSetSource.Default));
    private readonly IReadOnlyDictionary<string, RegulatoryRegime> _regimes = Deadlines.RegimeTable.Empty;
    private readonly string? _hash;

    internal ComplaintRuleSet(string name, string version, string? hash, IReadOnlyList<string> sources, FeatureExtractor extractor,
        IReadOnlyList<CompiledRule> rules, double causeThreshold, Lazy<Evaluation.TieBreak?>? tieBreak = null)
    {
        Name = name;
        Version = version;
        _hash = hash;
        Sources = sources;
        Extractor = extractor;
        CauseThreshold = causeThreshold;
        Causes = rules.OfType<CauseRule>().Where(r => !r.Fallback).ToArray();
        CauseFallbacks = rules.OfType<CauseRule>().Where(r => r.Fallback).ToArray();
        Intensity = rules.OfType<IntensityRule>().ToArray();
        Conflicts = rules.OfType<ConflictRule>().Where(r => !r.Fallback).ToArray();
        ConflictFallbacks = rules.OfType<ConflictRule>().Where(r => r.Fallback).ToArray();
        Severity = rules.OfType<SeverityRule>().ToArray();
        Steps = rules.OfType<StepRule>().ToArray();
        Remedies = rules.OfType<RemedyRule>().ToArray();
        AllRules = rules;
        EvaluationOrder = [.. Causes, .. CauseFallbacks, .. Intensity, .. Conflicts, .. ConflictFallbacks, .. Severity, .. Steps, .. Remedies];
        if (tieBreak is not null)
        {
            // Last, where no decision runs it: its place names it in the trace and in the evidence of a cause it moved up.
            _tieBreak = tieBreak;
            (TieBreakPosition, TieBreakSignal) = (EvaluationOrder.Length, extractor.Signals.Count - 1);
            EvaluationOrder = [.. EvaluationOrder, new TieBreakRule([TieBreakSignal])];
        }

        LoadedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The embedded default rule set (Chinese and English), loaded on first use.</summary>
    public static ComplaintRuleSet Default => s_default.Value;

    /// <summary>The rule set's name, from the last document that gives one.</summary>
    public string Name { get; }

    /// <summary>The rule set's version, from the last document that gives one.</summary>
    public string Version { get; }

    /// <summary>A hash of the content of every source, to tell rule-set versions apart.</summary>
    public string Hash => _hash ?? DeferredHash!.Value;

    /// <summary>The hash when it is worked out on first use (the embedded default); <see cref="Hash"/> reads through it.</summary>
    internal Lazy<string>? DeferredHash { get; init; }

    /// <summary>The sources layered into this rule set, first to last.</summary>
    public IReadOnlyList<string> Sources { get; private set; }

    /// <summary>When this rule set was loaded (UTC).</summary>
    public DateTimeOffset LoadedAt { get; private set; }

    /// <summary>The number of rules after layering.</summary>
    public int RuleCount => AllRules.Count;

    /// <summary>The ids of every rule after layering, in evaluation order.</summary>
    internal IEnumerable<string> RuleIds => AllRules.Select(r => r.Id);

    /// <summary>The signal names conditions can count: built-in markers and the lexicons.</summary>
    internal IReadOnlyList<string> Signals => Extractor.Signals.Names;

    /// <summary>The regulatory regimes of the <c>regimes</c> section, by key (case-insensitive); empty when there are none.</summary>
    internal IReadOnlyDictionary<string, RegulatoryRegime> Regimes
    {
        get => DeferredRegimes?.Value ?? _regimes;
        init => _regimes = value ?? Deadlines.RegimeTable.Empty;
    }

    /// <summary>The regimes when they build on first use (the embedded default); <see cref="Regimes"/> reads through it.</summary>
    internal Lazy<IReadOnlyDictionary<string, RegulatoryRegime>>? DeferredRegimes { get; init; }

    /// <summary>The early-warning threshold rules of the <c>alerts</c> section, in file order; empty when there are none.</summary>
    public IReadOnlyList<AlertRule> AlertRules { get; internal init; } = [];

    /// <summary>
    /// Who may grant which remedy, from the <c>authority</c> section; <see langword="null"/> when the rule set has none
    /// (then <see cref="RemedyRecommendation.GrantedBy"/> stays <see langword="null"/>).
    /// </summary>
    public AuthorityLimits? Authority { get; internal init; }

    /// <summary>
    /// What loading found worth a look but not an error: conditions that can fail at run time (division by a value
    /// that can be 0, an out-of-range constant argument). Such a rule counts as not fired for a complaint where it fails.
    /// </summary>
    public IReadOnlyList<RuleDiagnostic> Warnings { get; internal init; } = [];

    internal FeatureExtractor Extractor { get; }

    /// <summary>The conditions that threw since this rule set was loaded; the only state that changes after loading.</summary>
    internal Evaluation.RuleFaultLog Faults { get; private set; } = new();

    internal double CauseThreshold { get; }

    /// <summary>Whether a text with no root cause has no conflict either (type other): <c>settings.conflictNeedsCause</c>.</summary>
    internal bool ConflictNeedsCause { get; init; }

    /// <summary>The <c>tieBreak</c> section, or <see langword="null"/> when the rule set has none (or its weight is 0).</summary>
    /// <remarks>The embedded default's is built on first use (<see cref="Lazy{T}"/>): most of its load time otherwise.</remarks>
    internal Evaluation.TieBreak? TieBreak => _tieBreak?.Value;

    private readonly Lazy<Evaluation.TieBreak?>? _tieBreak;

    /// <summary>The tie-break's place in <see cref="EvaluationOrder"/>, after every rule.</summary>
    internal int TieBreakPosition { get; }

    /// <summary>The signal of the tie-break's evidence: the last of the signal table, which no condition reads.</summary>
    internal int TieBreakSignal { get; }

    internal IReadOnlyList<CompiledRule> AllRules { get; }

    /// <summary>
    /// Every rule in the order the evaluator runs them (each exactly once per complaint): a rule's place here names it
    /// in an assessment's trace and evidence, a small number instead of a reference.
    /// </summary>
    internal CompiledRule[] EvaluationOrder { get; }

    /// <summary>The remedies numbered, for the evaluator; made on first use (racing threads make equal ones).</summary>
    internal Evaluation.RemedySlots RemedySlots => _remedySlots ??= new Evaluation.RemedySlots(Remedies);

    private Evaluation.RemedySlots? _remedySlots;

    /// <summary>
    /// Per remedy number (<see cref="RemedySlots"/>), what the <c>authority</c> section says of it (null: not listed), so
    /// that an analysis looks no remedy up by name; made on first use (racing threads make equal ones).
    /// </summary>
    internal RemedyGrant?[] AuthorityGrants => _grants ??= Array.ConvertAll(RemedySlots.Names, name => Authority?.GrantOf(name));

    private RemedyGrant?[]? _grants;

    /// <summary>The rules each guard slot lets run, for the evaluator; made on first use (racing threads make equal ones).</summary>
    internal Evaluation.RuleCandidates Candidates =>
        _candidates ??= new Evaluation.RuleCandidates(EvaluationOrder, Extractor.Signals.Count * Features.ComplaintFacts.CountsPerSignal);

    private Evaluation.RuleCandidates? _candidates;

    /// <summary>The cause rules of the first stage: those that do not read cause outcomes.</summary>
    internal CauseRule[] Causes { get; }

    /// <summary>The cause rules that read cause outcomes; they run after <see cref="Causes"/> and see its scores.</summary>
    internal CauseRule[] CauseFallbacks { get; }

    internal IntensityRule[] Intensity { get; }

    /// <summary>The conflict rules of the first stage.</summary>
    internal ConflictRule[] Conflicts { get; }

    /// <summary>The conflict rules that read conflict outcomes; they run after <see cref="Conflicts"/>.</summary>
    internal ConflictRule[] ConflictFallbacks { get; }

    internal SeverityRule[] Severity { get; }

    internal StepRule[] Steps { get; }

    internal RemedyRule[] Remedies { get; }

    // The load a copy was made from: the cache holds loads weakly, so each copy keeps the original (and the cache's
    // entry) alive for as long as it lives itself.
    private ComplaintRuleSet? _original;

    /// <summary>
    /// This rule set loaded again from documents of the same content: the compiled rules, lexicons, regimes and
    /// alerts are shared (immutable); the load time, fault log and source names are the new load's.
    /// </summary>
    internal ComplaintRuleSet WithSources(IReadOnlyList<string> sources)
    {
        // A member-wise copy, so that whatever a load computes is carried over; only what belongs to a load is new.
        var copy = (ComplaintRuleSet)MemberwiseClone();
        copy._original = _original ?? this;
        copy.Sources = sources;
        copy.LoadedAt = DateTimeOffset.UtcNow;
        copy.Faults = new();
        return copy;
    }

    /// <summary>Loads, layers, validates and compiles rule-set documents; later sources override earlier ones.</summary>
    /// <param name="sources">The documents, first to last. Include <see cref="RuleSetSource.Default"/> to build on the default.</param>
    /// <returns>The compiled rule set.</returns>
    /// <exception cref="RuleSetException">Any document is invalid; the exception lists every problem with file, line and rule.</exception>
    public static ComplaintRuleSet Load(params IReadOnlyList<RuleSetSource> sources) => RuleSetLoader.Load(sources);

    /// <summary>Loads rule-set files, layered in order, optionally over the embedded default.</summary>
    /// <param name="paths">The files.</param>
    /// <param name="includeDefault">Whether the embedded default comes first.</param>
    /// <exception cref="RuleSetException">Any file is invalid.</exception>
    public static ComplaintRuleSet LoadFiles(IEnumerable<string> paths, bool includeDefault = true)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = new List<RuleSetSource>();
        if (includeDefault)
        {
            sources.Add(RuleSetSource.Default);
        }

        sources.AddRange(paths.Select(RuleSetSource.FromFile));
        return Load(sources);
    }

    /// <summary>Checks rule-set documents as <see cref="Load"/> would, returning every problem instead of throwing.</summary>
    /// <param name="sources">The documents, first to last.</param>
    /// <returns>The problems; empty when the documents load.</returns>
    public static IReadOnlyList<RuleDiagnostic> Validate(params IReadOnlyList<RuleSetSource> sources) => RuleSetLoader.TryLoad(sources).Diagnostics;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Version} ({RuleCount} rules, {Hash}) from {string.Join(", ", Sources)}";
}
