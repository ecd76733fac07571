namespace ComplaintRules.Testing;

/// <summary>
/// Coordinate search over the tunable numbers: for each number in turn, try a few values around the current one and
/// keep the best if it raises the objective minus the penalty. A rule's number only enters the outcome of complaints on
/// which that rule fires (whether it fires never depends on its own number; a fallback rule sees the first stage of its
/// decision, which only changes there too), so only those are analysed again.
/// </summary>
internal sealed class CoordinateSearch(TunedRuleSet tuned, List<LabelledComplaint> rows, double penalty, int maxPasses)
{
    private ComplaintAssessment[]? _original;

    public double[] Original { get; } = [.. tuned.Numbers.Select(n => n.Original)];

    /// <summary>The numbers that maximise objective − penalty on <paramref name="fitRows"/>, starting from the current ones.</summary>
    public double[] Fit(int[] fitRows)
    {
        var values = (double[])Original.Clone();
        var analyzer = new ComplaintAnalyzer(tuned.Build(values));
        var assessments = new ComplaintAssessment[rows.Count];
        var fired = new HashSet<string>[rows.Count];
        foreach (var i in fitRows)
        {
            Set(i, OriginalAssessments()[i]);
        }

        var best = Objective(fitRows, assessments) - Cost(values);
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var improved = false;
            for (var n = 0; n < values.Length; n++)
            {
                var number = tuned.Numbers[n];
                // Remedies are the last decision: a priority can only change the remedy class.
                var affected = number.RuleIndex < 0 ? fitRows : [.. fitRows.Where(i => fired[i].Contains(number.RuleId)
                    && (number.Kind != TunableKind.RemedyPriority || rows[i].Expect.RemedyClass is not null))];
                if (affected.Length == 0)
                {
                    continue;
                }

                var current = values[n];
                double? chosen = null;
                ComplaintAssessment[]? chosenAssessments = null;
                foreach (var candidate in number.Candidates(current))
                {
                    values[n] = candidate;
                    analyzer = new ComplaintAnalyzer(tuned.Build(values));
                    var trial = Array.ConvertAll(affected, i => analyzer.Analyze(rows[i].Complaint));
                    if (trial.Select((t, k) => SameDecisions(t, assessments[affected[k]])).All(same => same))
                    {
                        continue; // the same decisions at a greater distance can only score lower
                    }

                    var saved = Array.ConvertAll(affected, i => assessments[i]);
                    Place(affected, trial, assessments);
                    var score = Objective(fitRows, assessments) - Cost(values);
                    Place(affected, saved, assessments);
                    if (score > best + 1e-9)
                    {
                        (best, chosen, chosenAssessments) = (score, candidate, trial);
                    }
                }

                values[n] = chosen ?? current;
                if (chosenAssessments is not null)
                {
                    for (var k = 0; k < affected.Length; k++)
                    {
                        Set(affected[k], chosenAssessments[k]);
                    }

                    improved = true;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return values;

        void Set(int i, ComplaintAssessment assessment)
        {
            assessments[i] = assessment;
            fired[i] = [.. assessment.Trace.Select(t => t.RuleId)];
        }
    }

    /// <summary>Every metric the labels of <paramref name="heldOut"/> allow, with the numbers <paramref name="values"/>.</summary>
    public Dictionary<string, double> Metrics(int[] heldOut, double[] values)
    {
        var analyzer = new ComplaintAnalyzer(tuned.Build(values));
        var assessments = Array.ConvertAll(heldOut, i => analyzer.Analyze(rows[i].Complaint));
        var report = ComplaintScorer.Measure(tuned.Original, [.. heldOut.Select(i => rows[i])], assessments);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { ["objective"] = Objective(report) };
        void Add(string name, double? value)
        {
            if (value is { } v)
            {
                metrics[name] = v;
            }
        }

        Add("primaryCause.accuracy", report.PrimaryCause?.Accuracy);
        Add("primaryCause.kappa", report.PrimaryCause?.Kappa);
        Add("causes.macroF1", report.Causes?.MacroF1);
        Add("conflictType.accuracy", report.ConflictType?.Accuracy);
        Add("conflictType.kappa", report.ConflictType?.Kappa);
        Add("severity.spearman", report.Severity?.Spearman);
        Add("intensity.spearman", report.Intensity?.Spearman);
        Add("remedyClass.accuracy", report.RemedyClass?.Accuracy);
        Add("isComplaint.f1", report.IsComplaint?.F1);
        return metrics;
    }

    /// <summary>
    /// What the search maximises: the mean of macro-F1 for each class label (primary cause, causes, conflict type,
    /// remedy class), Spearman's ρ for severity and intensity, and F1 for complaint detection, over those labelled.
    /// </summary>
    internal static double Objective(ScoreReport report)
    {
        double?[] parts =
        [
            report.PrimaryCause?.MacroF1, report.Causes?.MacroF1, report.ConflictType?.MacroF1, report.RemedyClass?.MacroF1,
            report.Severity?.Spearman, report.Intensity?.Spearman, report.IsComplaint?.F1,
        ];
        var present = parts.OfType<double>().ToList();
        return present.Count == 0 ? 0 : present.Average();
    }

    private double Objective(int[] fitRows, ComplaintAssessment[] assessments) =>
        Objective(ComplaintScorer.Measure(tuned.Original, [.. fitRows.Select(i => rows[i])], [.. fitRows.Select(i => assessments[i])]));

    private double Cost(double[] values)
    {
        var distance = 0.0;
        for (var n = 0; n < values.Length; n++)
        {
            distance += Math.Abs(values[n] - Original[n]) / tuned.Numbers[n].Scale;
        }

        return penalty * distance;
    }

    private ComplaintAssessment[] OriginalAssessments()
    {
        if (_original is null)
        {
            var analyzer = new ComplaintAnalyzer(tuned.Original);
            _original = [.. rows.Select(r => analyzer.Analyze(r.Complaint))];
        }

        return _original;
    }

    // Every decision the scorer reads, so equal decisions mean an equal objective.
    private static bool SameDecisions(ComplaintAssessment a, ComplaintAssessment b) =>
        a.PrimaryCause == b.PrimaryCause && a.ConflictType == b.ConflictType && a.Severity == b.Severity && a.Intensity == b.Intensity
        && ComplaintScorer.RemedyClassOf(a) == ComplaintScorer.RemedyClassOf(b)
        && a.RootCauses.Select(c => c.Cause).Order().SequenceEqual(b.RootCauses.Select(c => c.Cause).Order());

    private static void Place(int[] indexes, ComplaintAssessment[] values, ComplaintAssessment[] into)
    {
        for (var k = 0; k < indexes.Length; k++)
        {
            into[indexes[k]] = values[k];
        }
    }
}
