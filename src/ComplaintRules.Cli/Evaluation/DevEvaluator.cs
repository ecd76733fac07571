using System.Globalization;

namespace ComplaintRules.Cli.Evaluation;

/// <summary>
/// Scores a rule set on the development folder. The library sees only each row's id, text and language; labels are
/// read here, after the analysis, and never passed in.
/// </summary>
internal static class DevEvaluator
{
    private static readonly string[] s_causes = ["expectation", "rights_claim", "venting"];

    // The 黑猫 categories mapped to the library's conflict types.
    private static readonly Dictionary<string, string> s_heimaoConflict = new(StringComparer.Ordinal)
    {
        ["pricing_and_fees"] = "price",
        ["customer_service"] = "service_quality",
        ["marketing_and_advertising"] = "communication",
        ["contract_terms"] = "policy",
        ["debt_collection_conduct"] = "collections",
        ["other"] = "other",
    };

    // The CFPB company responses mapped to outcome classes.
    private static readonly Dictionary<string, string> s_cfpbOutcome = new(StringComparer.Ordinal)
    {
        ["Closed with explanation"] = "explanation",
        ["Closed with non-monetary relief"] = "non_monetary",
        ["Closed with monetary relief"] = "monetary",
    };

    /// <summary>The outcome classes a company reports as its response to the customer (apologies and internal actions are not).</summary>
    private static readonly HashSet<OutcomeClass> s_customerFacing = [OutcomeClass.Explanation, OutcomeClass.NonMonetary, OutcomeClass.Monetary];

    public static EvaluationReport Evaluate(ComplaintAnalyzer analyzer, DevDataset data)
    {
        var assessments = new Dictionary<string, ComplaintAssessment>(StringComparer.Ordinal);
        foreach (var row in data.AllRows)
        {
            assessments[row.Id] = analyzer.Analyze(row.ToComplaint());
        }

        var misses = new List<Miss>();
        return new EvaluationReport(
            $"{analyzer.RuleSet.Name} {analyzer.RuleSet.Version}",
            RootCauses(data, assessments, misses),
            Venting(data, assessments, misses),
            Intensity(data, assessments, misses),
            Remedy(data, assessments, misses),
            Conflict(data, assessments, misses),
            Coverage(data, assessments, misses),
            misses);
    }

    private static RootCauseMetrics RootCauses(DevDataset data, Dictionary<string, ComplaintAssessment> assessments, List<Miss> misses)
    {
        var labelled = data.RootCauses.Where(l => assessments.ContainsKey(l.Id)).ToList();
        var perCause = new Dictionary<string, BinaryScore>(StringComparer.Ordinal);
        foreach (var cause in s_causes)
        {
            perCause[cause] = Metrics.Binary(labelled.Select(l => (Gold(l, cause), Has(assessments[l.Id], cause))));
        }

        var primaryCorrect = 0;
        var conflictCorrect = 0;
        var severityGold = new List<double>();
        var severityPredicted = new List<double>();
        foreach (var l in labelled)
        {
            var a = assessments[l.Id];
            var predictedPrimary = Name(a.PrimaryCause);
            var predictedSet = string.Join("+", s_causes.Where(c => Has(a, c)));
            var goldSet = string.Join("+", s_causes.Where(c => Gold(l, c)));
            if (predictedPrimary == l.Primary)
            {
                primaryCorrect++;
            }
            else
            {
                misses.Add(new Miss("primary_cause", l.Id, l.Primary, predictedPrimary, Math.Abs(Scores(a).GetValueOrDefault(predictedPrimary) - 0.5) + 1));
            }

            if (predictedSet != goldSet)
            {
                misses.Add(new Miss("cause_set", l.Id, goldSet.Length == 0 ? "-" : goldSet, predictedSet.Length == 0 ? "-" : predictedSet,
                    s_causes.Count(c => Gold(l, c) != Has(a, c))));
            }

            var conflict = Name(a.ConflictType);
            conflictCorrect += conflict == l.Conflict ? 1 : 0;
            severityGold.Add(l.Severity);
            severityPredicted.Add((int)a.Severity);
        }

        var macro = Metrics.Round(perCause.Values.Average(s => s.F1));
        return new RootCauseMetrics(labelled.Count, perCause, macro, Ratio(primaryCorrect, labelled.Count), Ratio(conflictCorrect, labelled.Count),
            Metrics.Spearman(severityGold, severityPredicted));
    }

    private static BinaryScore Venting(DevDataset data, Dictionary<string, ComplaintAssessment> assessments, List<Miss> misses)
    {
        var pairs = new List<(bool, bool)>();
        foreach (var row in data.Tweets)
        {
            var gold = row.Label("label_emotion") == "anger";
            var predicted = Has(assessments[row.Id], "venting");
            pairs.Add((gold, predicted));
            if (gold != predicted)
            {
                misses.Add(new Miss("venting_vs_anger", row.Id, gold ? "anger" : row.Label("label_emotion"), predicted ? "venting" : "no venting", 1));
            }
        }

        return Metrics.Binary(pairs);
    }

    private static IntensityMetrics Intensity(DevDataset data, Dictionary<string, ComplaintAssessment> assessments, List<Miss> misses)
    {
        var gold = new List<double>();
        var predicted = new List<double>();
        foreach (var row in data.Tweets)
        {
            if (!int.TryParse(row.Label("label_severity"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var severity))
            {
                continue;
            }

            var intensity = assessments[row.Id].Intensity;
            gold.Add(severity);
            predicted.Add(intensity);
            if (Math.Abs(severity - intensity) >= 2)
            {
                misses.Add(new Miss("intensity_vs_severity", row.Id, severity.ToString(CultureInfo.InvariantCulture),
                    intensity.ToString(CultureInfo.InvariantCulture), Math.Abs(severity - intensity)));
            }
        }

        return new IntensityMetrics(gold.Count, Metrics.Spearman(gold, predicted));
    }

    private static RemedyMetrics Remedy(DevDataset data, Dictionary<string, ComplaintAssessment> assessments, List<Miss> misses)
    {
        var correct = 0;
        var count = 0;
        var goldCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var predictedCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in data.Cfpb)
        {
            if (!s_cfpbOutcome.TryGetValue(row.Label("label_company_response"), out var gold))
            {
                continue;
            }

            var top = assessments[row.Id].Remedies.FirstOrDefault(r => s_customerFacing.Contains(r.OutcomeClass));
            var predicted = top is null ? "none" : Name(top.OutcomeClass);
            count++;
            goldCounts[gold] = goldCounts.GetValueOrDefault(gold) + 1;
            predictedCounts[predicted] = predictedCounts.GetValueOrDefault(predicted) + 1;
            if (predicted == gold)
            {
                correct++;
            }
            else
            {
                misses.Add(new Miss("remedy_class", row.Id, gold, top is null ? "none" : $"{predicted} ({top.Remedy})", 1));
            }
        }

        var majority = goldCounts.Count == 0 ? 0 : goldCounts.Values.Max();
        return new RemedyMetrics(count, Ratio(correct, count), Ratio(majority, count), goldCounts, predictedCounts);
    }

    private static ConflictMetrics Conflict(DevDataset data, Dictionary<string, ComplaintAssessment> assessments, List<Miss> misses)
    {
        var gold = new List<string>();
        var predicted = new List<string>();
        var confusion = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var row in data.Heimao)
        {
            if (!s_heimaoConflict.TryGetValue(row.Label("label_category"), out var g))
            {
                continue;
            }

            var a = assessments[row.Id];
            var p = Name(a.ConflictType);
            gold.Add(g);
            predicted.Add(p);
            if (!confusion.TryGetValue(g, out var line))
            {
                confusion[g] = line = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            line[p] = line.GetValueOrDefault(p) + 1;
            if (g != p)
            {
                var found = a.ConflictTypes.FirstOrDefault(c => Name(c.Type) == g);
                misses.Add(new Miss("heimao_conflict", row.Id, g, p, 1 + (a.ConflictTypes.Count > 0 ? a.ConflictTypes[0].Score : 0) - (found?.Score ?? 0)));
            }
        }

        var correct = gold.Where((g, i) => g == predicted[i]).Count();
        return new ConflictMetrics(gold.Count, Ratio(correct, gold.Count), Metrics.CohensKappa(gold, predicted), confusion);
    }

    private static CoverageMetrics Coverage(DevDataset data, Dictionary<string, ComplaintAssessment> assessments, List<Miss> misses)
    {
        int withCause = 0, withConflict = 0, both = 0;
        foreach (var row in data.Reviews)
        {
            var a = assessments[row.Id];
            var cause = a.RootCauses.Any(c => c.Evidence.Count > 0);
            var conflict = a.ConflictTypes.Count > 0 && a.ConflictTypes[0].Evidence.Count > 0;
            withCause += cause ? 1 : 0;
            withConflict += conflict ? 1 : 0;
            both += cause && conflict ? 1 : 0;
            if (!(cause && conflict))
            {
                misses.Add(new Miss("coverage", row.Id, "cause and conflict with evidence", (cause ? "" : "no cause ") + (conflict ? "" : "no conflict"), 2));
            }
        }

        var n = data.Reviews.Count;
        return new CoverageMetrics(n, Ratio(withCause, n), Ratio(withConflict, n), Ratio(both, n));
    }

    private static bool Gold(RootCauseLabel label, string cause) => cause switch
    {
        "expectation" => label.Expectation,
        "rights_claim" => label.RightsClaim,
        _ => label.Venting,
    };

    private static bool Has(ComplaintAssessment a, string cause) => a.RootCauses.Any(c => Name(c.Cause) == cause);

    private static Dictionary<string, double> Scores(ComplaintAssessment a) => a.RootCauses.ToDictionary(c => Name(c.Cause), c => c.Score, StringComparer.Ordinal);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : Metrics.Round((double)part / whole);

    // The snake_case names the output uses (enum names converted, e.g. RightsClaim -> rights_claim).
    private static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var s = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                s.Append('_');
            }

            s.Append(char.ToLowerInvariant(name[i]));
        }

        return s.ToString();
    }
}

/// <summary>Every metric of one evaluation run.</summary>
internal sealed record EvaluationReport(string RuleSet, RootCauseMetrics RootCauses, BinaryScore VentingVsAnger, IntensityMetrics Intensity,
    RemedyMetrics Remedy, ConflictMetrics HeimaoConflict, CoverageMetrics Coverage, IReadOnlyList<Miss> Misses);

/// <summary>Root causes against the labelled subset; conflict accuracy and severity correlation on the same rows are given beside them.</summary>
internal sealed record RootCauseMetrics(int Count, IReadOnlyDictionary<string, BinaryScore> PerCause, double MacroF1, double PrimaryAccuracy,
    double ConflictAccuracy, double SeveritySpearman);

/// <summary>Emotional intensity against the tweets' human severity.</summary>
internal sealed record IntensityMetrics(int Count, double Spearman);

/// <summary>The top customer-facing remedy's outcome class against the company's actual response.</summary>
internal sealed record RemedyMetrics(int Count, double Accuracy, double MajorityBaseline, IReadOnlyDictionary<string, int> Gold,
    IReadOnlyDictionary<string, int> Predicted);

/// <summary>The main conflict type against the mapped 黑猫 categories.</summary>
internal sealed record ConflictMetrics(int Count, double Accuracy, double Kappa, IReadOnlyDictionary<string, Dictionary<string, int>> Confusion);

/// <summary>Shares of the Chinese reviews with a cause, a conflict type, and both, each backed by evidence.</summary>
internal sealed record CoverageMetrics(int Count, double WithCause, double WithConflict, double Both);

/// <summary>One row the rule set got wrong on one metric; a larger <see cref="Weight"/> is a worse miss.</summary>
internal sealed record Miss(string Metric, string Id, string Gold, string Predicted, double Weight);
