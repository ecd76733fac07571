namespace ComplaintRules.Testing;

/// <summary>
/// Scores a rule set on labelled complaints: for each label, agreement between the rule set's decisions and the
/// labels, over the complaints that carry that label, and the worst misses with the rules behind them. Thread-safe.
/// </summary>
public sealed class ComplaintScorer
{
    private static readonly RootCause[] s_causes = [RootCause.Expectation, RootCause.RightsClaim, RootCause.Venting];

    private readonly ComplaintAnalyzer _analyzer;

    /// <summary>Creates a scorer over <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set to score.</param>
    public ComplaintScorer(ComplaintRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _analyzer = new ComplaintAnalyzer(ruleSet);
        RuleSet = ruleSet;
    }

    /// <summary>The rule set being scored.</summary>
    public ComplaintRuleSet RuleSet { get; }

    /// <summary>The remedy class the scorer reads from an assessment: the first explanation, non-monetary or monetary remedy; explanation when there is none.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The outcome class.</returns>
    public static OutcomeClass RemedyClassOf(ComplaintAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        foreach (var remedy in assessment.Remedies)
        {
            if (remedy.OutcomeClass is OutcomeClass.Explanation or OutcomeClass.NonMonetary or OutcomeClass.Monetary)
            {
                return remedy.OutcomeClass;
            }
        }

        return OutcomeClass.Explanation;
    }

    /// <summary>Analyses every complaint and scores the decisions against its labels.</summary>
    /// <param name="complaints">The labelled complaints.</param>
    /// <param name="misses">How many of the worst misses to explain (0 for none).</param>
    /// <returns>The report.</returns>
    public ScoreReport Score(IEnumerable<LabelledComplaint> complaints, int misses = 10)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        ArgumentOutOfRangeException.ThrowIfNegative(misses);
        var rows = complaints.ToList();
        var assessments = rows.Select(r => _analyzer.Analyze(r.Complaint)).ToList();
        return Measure(RuleSet, rows, assessments) with { Misses = Worst(rows, assessments, misses) };
    }

    /// <summary>The metrics of assessments already made (no misses); the tuner measures its candidates with it.</summary>
    internal static ScoreReport Measure(ComplaintRuleSet ruleSet, IReadOnlyList<LabelledComplaint> rows, IReadOnlyList<ComplaintAssessment> assessments) =>
        new()
        {
            RuleSet = $"{ruleSet.Name} {ruleSet.Version}",
            Rows = rows.Count,
            PrimaryCause = Classify(rows, assessments, e => e.PrimaryCause?.Name(), a => a.PrimaryCause.Name()),
            Causes = ScoreCauses(rows, assessments),
            ConflictType = Classify(rows, assessments, e => e.ConflictType?.Name(), a => a.ConflictType.Name()),
            Severity = Ordinal(rows, assessments, e => (int?)e.Severity, a => (int)a.Severity),
            Intensity = Ordinal(rows, assessments, e => e.Intensity, a => a.Intensity),
            RemedyClass = Classify(rows, assessments, e => e.RemedyClass?.Name(), a => RemedyClassOf(a).Name()),
            IsComplaint = ScoreIsComplaint(rows, assessments),
            Coverage = ScoreCoverage(assessments),
        };

    /// <summary>The decisions a complaint got wrong, with how wrong they are.</summary>
    internal static (double Weight, List<ScoreError> Errors) Errors(ScoreExpectations e, ComplaintAssessment a)
    {
        var errors = new List<ScoreError>();
        var weight = 0.0;
        void Wrong(string decision, string expected, string actual, double w)
        {
            errors.Add(new ScoreError(decision, expected, actual));
            weight += w;
        }

        if (e.PrimaryCause is { } primary && primary != a.PrimaryCause)
        {
            Wrong("primaryCause", primary.Name(), a.PrimaryCause.Name(), 1);
        }

        var wrongCauses = e.Causes.Where(c => c.Value != Has(a, c.Key)).ToList();
        if (wrongCauses.Count > 0)
        {
            Wrong("causes", CauseList(e.Causes.Where(c => c.Value).Select(c => c.Key)), CauseList(a.RootCauses.Select(c => c.Cause)), (double)wrongCauses.Count / e.Causes.Count);
        }

        if (e.ConflictType is { } conflict && conflict != a.ConflictType)
        {
            Wrong("conflictType", conflict.Name(), a.ConflictType.Name(), 1);
        }

        if (e.Severity is { } severity && severity != a.Severity)
        {
            Wrong("severity", severity.Name(), a.Severity.Name(), Math.Abs((int)severity - (int)a.Severity) / 3.0);
        }

        if (e.Intensity is { } intensity && intensity != a.Intensity)
        {
            Wrong("intensity", intensity.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Intensity.ToString(System.Globalization.CultureInfo.InvariantCulture), Math.Abs(intensity - a.Intensity) / 4.0);
        }

        if (e.RemedyClass is { } remedy && remedy != RemedyClassOf(a))
        {
            Wrong("remedyClass", remedy.Name(), RemedyClassOf(a).Name(), 1);
        }

        if (e.IsComplaint is { } isComplaint && isComplaint != (a.PrimaryCause != RootCause.None))
        {
            Wrong("isComplaint", isComplaint ? "true" : "false", isComplaint ? "false" : "true", 1);
        }

        return (weight, errors);
    }

    private static bool Has(ComplaintAssessment a, RootCause cause) => a.RootCauses.Any(c => c.Cause == cause);

    private static string CauseList(IEnumerable<RootCause> causes) => string.Join("+", causes.OrderBy(c => c).Select(c => c.Name())) is { Length: > 0 } s ? s : "-";

    private static ClassificationScore? Classify(IReadOnlyList<LabelledComplaint> rows, IReadOnlyList<ComplaintAssessment> assessments,
        Func<ScoreExpectations, string?> gold, Func<ComplaintAssessment, string> predicted)
    {
        var g = new List<string>();
        var p = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (gold(rows[i].Expect) is { } label)
            {
                g.Add(label);
                p.Add(predicted(assessments[i]));
            }
        }

        return g.Count == 0 ? null : ScoreMath.Classification(g, p);
    }

    private static OrdinalScore? Ordinal(IReadOnlyList<LabelledComplaint> rows, IReadOnlyList<ComplaintAssessment> assessments,
        Func<ScoreExpectations, int?> gold, Func<ComplaintAssessment, int> predicted)
    {
        var g = new List<double>();
        var p = new List<double>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (gold(rows[i].Expect) is { } label)
            {
                g.Add(label);
                p.Add(predicted(assessments[i]));
            }
        }

        return g.Count == 0 ? null : new OrdinalScore
        {
            N = g.Count,
            Accuracy = (double)g.Where((x, i) => x == p[i]).Count() / g.Count,
            Spearman = ScoreMath.Spearman(g, p),
        };
    }

    private static CauseScores? ScoreCauses(IReadOnlyList<LabelledComplaint> rows, IReadOnlyList<ComplaintAssessment> assessments)
    {
        var perCause = new SortedDictionary<string, ClassScore>(StringComparer.Ordinal);
        foreach (var cause in s_causes)
        {
            var g = new List<bool>();
            var p = new List<bool>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Expect.Causes.TryGetValue(cause, out var present))
                {
                    g.Add(present);
                    p.Add(Has(assessments[i], cause));
                }
            }

            if (g.Count > 0)
            {
                perCause[cause.Name()] = ScoreMath.Binary(g, p);
            }
        }

        return perCause.Count == 0 ? null : new CauseScores
        {
            N = rows.Count(r => r.Expect.Causes.Count > 0),
            // A cause nobody labelled present and the rules never found has no F1 to speak of; it does not count.
            MacroF1 = perCause.Values.Where(c => c.TruePositives + c.FalsePositives + c.FalseNegatives > 0).Select(c => c.F1).DefaultIfEmpty(1).Average(),
            PerCause = perCause,
        };
    }

    private static ClassScore? ScoreIsComplaint(IReadOnlyList<LabelledComplaint> rows, IReadOnlyList<ComplaintAssessment> assessments)
    {
        var g = new List<bool>();
        var p = new List<bool>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Expect.IsComplaint is { } label)
            {
                g.Add(label);
                p.Add(assessments[i].PrimaryCause != RootCause.None);
            }
        }

        return g.Count == 0 ? null : ScoreMath.Binary(g, p);
    }

    private static CoverageScore ScoreCoverage(IReadOnlyList<ComplaintAssessment> assessments)
    {
        int cause = 0, conflict = 0, both = 0;
        foreach (var a in assessments)
        {
            var hasCause = a.RootCauses.Any(c => c.Evidence.Count > 0);
            var hasConflict = a.ConflictTypes.Count > 0 && a.ConflictTypes[0].Evidence.Count > 0;
            cause += hasCause ? 1 : 0;
            conflict += hasConflict ? 1 : 0;
            both += hasCause && hasConflict ? 1 : 0;
        }

        var n = Math.Max(assessments.Count, 1);
        return new CoverageScore { N = assessments.Count, WithCause = (double)cause / n, WithConflict = (double)conflict / n, Both = (double)both / n };
    }

    private List<ScoreMiss> Worst(List<LabelledComplaint> rows, List<ComplaintAssessment> assessments, int limit)
    {
        var misses = new List<(int Index, double Weight, List<ScoreError> Errors)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (weight, errors) = Errors(rows[i].Expect, assessments[i]);
            if (errors.Count > 0)
            {
                misses.Add((i, weight, errors));
            }
        }

        return [.. misses.OrderByDescending(m => m.Weight).ThenBy(m => m.Index).Take(limit).Select(m => Explain(rows[m.Index], m.Weight, m.Errors))];
    }

    // The rules of the wrong decisions that fired, with the facts they read.
    private ScoreMiss Explain(LabelledComplaint row, double weight, List<ScoreError> errors)
    {
        var decisions = errors.Select(e => e.Decision switch
        {
            "conflictType" => "conflicts",
            "severity" => "severity",
            "intensity" => "intensity",
            "remedyClass" => "remedies",
            _ => "causes",
        }).ToHashSet(StringComparer.Ordinal);
        var fired = _analyzer.Explain(row.Complaint).Rules
            .Where(r => r.Fired && decisions.Contains(r.Decision))
            .Select(r => new FiredRule(r.RuleId, r.Decision, r.Outcome, r.Reads))
            .ToList();
        return new ScoreMiss(row.Line, row.Complaint.Id, weight, errors, fired);
    }
}
