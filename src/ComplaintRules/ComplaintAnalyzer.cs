using System.Collections.ObjectModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using ComplaintRules.Deadlines;
using ComplaintRules.Evaluation;
using ComplaintRules.Features;

namespace ComplaintRules;

/// <summary>Options for <see cref="ComplaintAnalyzer"/>.</summary>
public sealed class ComplaintAnalyzerOptions
{
    /// <summary>The longest text analysed, in characters; longer text is analysed up to this limit, with a warning. Default 100,000.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be at least 1.")]
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>
    /// The longest id, language, channel, product, currency, regime, customer id, handler role, customer tag and attribute name, in
    /// characters; a longer one is analysed up to this limit, with a warning (<see cref="WarningCodes.FieldTruncated"/>). Default 256.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be at least 1.")]
    public int MaxFieldLength { get; set; } = 256;

    /// <summary>The longest <see cref="Complaint.CustomerDemand"/> analysed, in characters; longer is truncated, with a warning. Default 10,000.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be at least 1.")]
    public int MaxDemandLength { get; set; } = 10_000;

    /// <summary>The longest attribute value, in characters; longer is truncated, with a warning. Default 1,000.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be at least 1.")]
    public int MaxAttributeValueLength { get; set; } = 1_000;

    /// <summary>
    /// The most customer tags, and the most attributes, analysed; the rest are ignored, with a warning
    /// (<see cref="WarningCodes.EntriesDropped"/>). Default 64.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "{0} must be at least 1.")]
    public int MaxEntries { get; set; } = 64;

    /// <summary>The language assumed when a complaint gives none: <c>zh</c>, <c>en</c>, or <see langword="null"/> (the default) to detect it from the text.</summary>
    [AllowedValues(null, "zh", "en", ErrorMessage = "{0} must be \"zh\", \"en\" or null.")]
    public string? DefaultLanguage { get; set; }

    /// <summary>How regulatory deadlines are computed: default regime, acknowledgement targets, calendars, clock. None are computed by default.</summary>
    public DeadlineOptions Deadlines { get; set; } = new();

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Deadlines, nameof(Deadlines));
        if (MaxTextLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTextLength), MaxTextLength, "MaxTextLength must be at least 1.");
        }

        Positive(MaxFieldLength, nameof(MaxFieldLength));
        Positive(MaxDemandLength, nameof(MaxDemandLength));
        Positive(MaxAttributeValueLength, nameof(MaxAttributeValueLength));
        Positive(MaxEntries, nameof(MaxEntries));
        if (DefaultLanguage is not (null or "zh" or "en"))
        {
            throw new ArgumentException($"DefaultLanguage must be \"zh\", \"en\" or null, not \"{DefaultLanguage}\".", nameof(DefaultLanguage));
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }
    }
}

/// <summary>Analyses complaints with a compiled rule set. Thread-safe: create once, share, call from any thread.</summary>
/// <remarks>
/// Each call reads the current rule set once, so with hot reload (see <see cref="ComplaintRuleSetProvider"/>)
/// every assessment comes wholly from one snapshot.
/// </remarks>
public sealed class ComplaintAnalyzer
{
    private readonly ComplaintAnalyzerOptions _options;
    private readonly DeadlineSettings _deadlines;
    private readonly ComplaintRuleSetProvider _ruleSet;

    /// <summary>Creates an analyzer over the embedded default rule set.</summary>
    public ComplaintAnalyzer()
        : this(ComplaintRuleSet.Default)
    {
    }

    /// <summary>Creates an analyzer over <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The compiled rule set.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    public ComplaintAnalyzer(ComplaintRuleSet ruleSet, ComplaintAnalyzerOptions? options = null)
        : this(ComplaintRuleSetProvider.Fixed(ruleSet), options)
    {
    }

    /// <summary>Creates an analyzer that always runs the provider's current rule set (hot reload).</summary>
    /// <param name="provider">The provider of the current rule set.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    public ComplaintAnalyzer(ComplaintRuleSetProvider provider, ComplaintAnalyzerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        options ??= new ComplaintAnalyzerOptions();
        options.Validate();
        _ruleSet = provider;
        _options = new ComplaintAnalyzerOptions
        {
            MaxTextLength = options.MaxTextLength,
            DefaultLanguage = options.DefaultLanguage,
            MaxFieldLength = options.MaxFieldLength,
            MaxDemandLength = options.MaxDemandLength,
            MaxAttributeValueLength = options.MaxAttributeValueLength,
            MaxEntries = options.MaxEntries,
        };
        _deadlines = options.Deadlines.Snapshot();
    }

    /// <summary>The rule set this analyzer runs now.</summary>
    public ComplaintRuleSet RuleSet => _ruleSet.Current;

    /// <summary>Analyses one complaint.</summary>
    /// <param name="complaint">The complaint; <see cref="Complaint.Id"/> and <see cref="Complaint.Text"/> must not be null.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is null.</exception>
    /// <exception cref="ArgumentException">The complaint has no id or no text.</exception>
    public ComplaintAssessment Analyze(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        // The clock only when the duration is measured: a listener that starts meanwhile gets the next analysis's.
        var start = ComplaintRulesTelemetry.Duration.Enabled ? Stopwatch.GetTimestamp() : 0;
        using var activity = ComplaintRulesTelemetry.ActivitySource.StartActivity("ComplaintRules.Analyze");
        var ruleSet = _ruleSet.Current;
        var assessment = Analyze(complaint, ruleSet);
        ComplaintRulesTelemetry.RecordAssessment(assessment, start);
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.ComplaintId, assessment.Id);
            activity.SetTag(TelemetryTags.RuleSetHash, ruleSet.Hash);
            activity.SetTag(TelemetryTags.PrimaryCause, assessment.PrimaryCause.Name());
            activity.SetTag(TelemetryTags.Severity, assessment.Severity.Name());
            activity.SetTag(TelemetryTags.ConflictType, assessment.ConflictType.Name());
        }

        return assessment;
    }

    /// <summary>
    /// Analyses a stream of complaints on several threads and yields the assessments in input order. Memory stays
    /// bounded: only a few complaints per thread are in flight, and a slow consumer slows the reading of the input.
    /// </summary>
    /// <param name="complaints">The complaints.</param>
    /// <param name="degreeOfParallelism">Threads to use; the number of processors when null.</param>
    /// <param name="cancellationToken">Stops the analysis.</param>
    /// <returns>The assessments, in the order of <paramref name="complaints"/>.</returns>
    /// <exception cref="ArgumentException">A complaint has no id or text (raised when its turn comes; the stream stops there).</exception>
    public IAsyncEnumerable<ComplaintAssessment> AnalyzeManyAsync(IAsyncEnumerable<Complaint> complaints, int? degreeOfParallelism = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        var threads = degreeOfParallelism ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(degreeOfParallelism));
        return OrderedParallel.SelectAsync(complaints, Analyze, threads, cancellationToken);
    }

    /// <summary>
    /// Analyses one complaint and explains the result: for every rule, whether it fired and the values of the facts
    /// its condition read. For rule authors and tests; it costs more than <see cref="Analyze(Complaint)"/>.
    /// </summary>
    /// <param name="complaint">The complaint; <see cref="Complaint.Id"/> and <see cref="Complaint.Text"/> must not be null.</param>
    /// <returns>The assessment and the evaluation of every rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="complaint"/> is null.</exception>
    /// <exception cref="ArgumentException">The complaint has no id or no text.</exception>
    public ComplaintExplanation Explain(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var ruleSet = _ruleSet.Current;
        var patternMatches = new List<PatternMatch>();
        var fallbackReads = new Dictionary<string, FactValue[]>(StringComparer.Ordinal);
        var assessment = Analyze(complaint, ruleSet, out var facts, patternMatches, fallbackReads);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var firing in assessment.Trace)
        {
            fired.Add(firing.RuleId);
        }

        var faults = RuleFaults.InWarnings(assessment.Warnings);

        // A rule reads the outcomes of earlier decisions, which stay fixed once made: the final facts hold the values it
        // saw. A fallback rule reads its own decision's first stage, recorded as it ran.
        var rules = ruleSet.AllRules
            .OrderBy(r => r.Decision)
            .ThenBy(r => r.Fallback)
            .Select(r => new RuleEvaluation(r.Id, r.Decision.Name(), r.Outcome, fired.Contains(r.Id), r.When,
                ReadOnlyLists.Of(fallbackReads.TryGetValue(r.Id, out var seen) ? seen : Array.ConvertAll(r.Reads, read => new FactValue(read.Name, ReadValue(read, facts)))))
            {
                Fallback = r.Fallback,
                Fault = faults?.GetValueOrDefault(r.Id),
            })
            .ToList();
        if (ruleSet.TieBreak is { } tie)
        {
            rules.Insert(rules.FindLastIndex(r => r.Decision == "causes") + 1,
                TieBreakEvaluation(tie, AnalysedText(complaint.Text).AsSpan(0, facts.Length), facts.Language, assessment, fired.Contains(TieBreak.RuleId)));
        }

        return new ComplaintExplanation(assessment, ReadOnlyLists.Of(rules)) { PatternMatches = ReadOnlyLists.Of(patternMatches) };
    }

    // The text the rules read: cut to MaxTextLength, never inside a surrogate pair.
    private string AnalysedText(string text) => text.Length > _options.MaxTextLength ? ComplaintLimits.Cut(text, _options.MaxTextLength) : text;

    // The tie-break after the cause rules: what it added to each cause found, when it was consulted (two causes or more);
    // with detect, for a text with one cause or none, the complaint lean of its words and the level.
    private static RuleEvaluation TieBreakEvaluation(TieBreak tie, ReadOnlySpan<char> text, string language, ComplaintAssessment assessment, bool fired)
    {
        var reads = new List<FactValue>();
        Span<double> sums = stackalloc double[4];
        var complaint = tie.Sum(text, language == "zh", sums);
        if (assessment.RootCauses.Count > 1)
        {
            foreach (var cause in assessment.RootCauses)
            {
                reads.Add(new FactValue($"Lean(\"{cause.Cause.Name()}\")", tie.Lean(sums[(int)cause.Cause]).ToString("+0.000;-0.000;0", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        else if (tie.Detect is { } detect)
        {
            // A text with one cause or none: what its words lean to a complaint, against the level that makes one.
            reads.Add(new FactValue("Complaint()", complaint.ToString("+0.00;-0.00;0", System.Globalization.CultureInfo.InvariantCulture)));
            reads.Add(new FactValue("detect", detect.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var cause in TieBreak.Causes)
        {
            // A short complaint: how far its words lean to a cause with a lead beyond both other causes, against that lead.
            if (tie.LeadOf(cause) is { } lead && assessment.RootCauses.Count > 0 && text.Length <= TieBreak.LeadMaxLength)
            {
                reads.Add(new FactValue($"Lead(\"{cause.Name()}\")", TieBreak.Margin(sums, cause).ToString("+0.00;-0.00;0", System.Globalization.CultureInfo.InvariantCulture)));
                reads.Add(new FactValue($"leads.{cause.Name()}", lead.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return new RuleEvaluation(TieBreak.RuleId, "causes", "order", fired, "tieBreak", ReadOnlyLists.Of(reads.ToArray()));
    }

    // The fact that made a rule fail (Attr(null)) fails again when read for the explanation; show why instead.
    private static string ReadValue(Rules.FactRead read, ComplaintFacts facts)
    {
        try
        {
            return read.ValueIn(facts);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"({ex.GetType().Name})";
        }
    }

    internal ComplaintAssessment Analyze(Complaint complaint, ComplaintRuleSet ruleSet)
    {
        var assessment = Analyze(complaint, ruleSet, out var facts);
        facts.ReturnCounts();
        return assessment;
    }

    private ComplaintAssessment Analyze(Complaint complaint, ComplaintRuleSet ruleSet, out ComplaintFacts facts, List<PatternMatch>? patternMatches = null,
        Dictionary<string, FactValue[]>? fallbackReads = null)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (complaint.Id is null)
        {
            throw new ArgumentException("The complaint has no Id.", nameof(complaint));
        }

        if (complaint.Text is null)
        {
            throw new ArgumentException($"Complaint '{complaint.Id}' has no Text.", nameof(complaint));
        }

        var warnings = new List<AssessmentWarning>();
        if (complaint.IntakeWarnings is { Count: > 0 } intake)
        {
            warnings.AddRange(intake);
        }

        var text = AnalysedText(complaint.Text);
        if (text.Length != complaint.Text.Length)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.FieldTruncated, $"text truncated from {complaint.Text.Length} to {text.Length} characters (MaxTextLength)"));
        }

        complaint = ComplaintLimits.Apply(complaint, _options, warnings);

        var language = ResolveLanguage(complaint.Language, text, warnings);
        // Room for a typical text's hits at once (a Chinese one has about 0.7 a character), so the list seldom grows; at most 1,024 up front.
        using var hits = new SignalHitList(Math.Min(text.Length + 64, 1024), (4 * text.Length) + 1024);
        facts = ruleSet.Extractor.Extract(complaint, text, language, hits);
        if (hits.Overflowed)
        {
            warnings.Add(WarningCodes.Format(WarningCodes.SignalsCapped, $"more than {hits.Limit} signal occurrences; the rest were not counted"));
        }

        if (patternMatches is not null)
        {
            CollectPatternMatches(hits, ruleSet, text, complaint.CustomerDemand ?? "", patternMatches);
        }

        var decisions = RuleEvaluator.Evaluate(ruleSet, complaint, facts, hits, text, warnings, fallbackReads, deferLists: ruleSet.Authority is not null);

        // Deadlines only when a regime applies, so the analysis without one pays a null check. They come after the
        // rules (a deadline's condition may read their outcomes) and add their own warnings, so the assessment is
        // built only now, once, with the finished lists.
        var regime = string.IsNullOrWhiteSpace(complaint.Regime) ? _deadlines.DefaultRegime : complaint.Regime;
        var deadlines = regime is null
            ? ReadOnlyCollection<ComplaintDeadline>.Empty
            : DeadlineEvaluator.Evaluate(ruleSet, complaint, regime.Trim(), facts, _deadlines, warnings);
        RemedyAuthority? authority = null;
        if (ruleSet.Authority is { } limits)
        {
            (decisions, authority) = Authority.AuthorityEvaluator.Apply(limits, decisions, complaint, warnings, ruleSet.AuthorityGrants);
        }

        return decisions.ToAssessment(complaint.Id, warnings, deadlines, authority);
    }

    private static void CollectPatternMatches(SignalHitList hits, ComplaintRuleSet ruleSet, string text, string demand, List<PatternMatch> matches)
    {
        foreach (ref readonly var hit in hits.Items)
        {
            if (hit.FromPattern)
            {
                var inDemand = hit.Kind == HitKind.Demand;
                matches.Add(new PatternMatch(ruleSet.Extractor.Signals.Names[hit.Signal], (inDemand ? demand : text).Substring(hit.Start, hit.Length),
                    hit.Start, hit.Length, inDemand ? "customerDemand" : "text", hit.Kind == HitKind.Negated));
            }
        }
    }

    private string ResolveLanguage(string? given, string text, List<AssessmentWarning> warnings)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            var lower = given.Trim().ToLowerInvariant();
            if (lower == "zh" || lower.StartsWith("zh-", StringComparison.Ordinal))
            {
                return "zh";
            }

            if (lower == "en" || lower.StartsWith("en-", StringComparison.Ordinal))
            {
                return "en";
            }

            warnings.Add(WarningCodes.Format(WarningCodes.LanguageUnsupported, $"language '{given}' is not supported; detected from the text instead"));
        }

        return _options.DefaultLanguage ?? FeatureExtractor.DetectLanguage(text);
    }
}
