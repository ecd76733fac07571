using System.Diagnostics.CodeAnalysis;

namespace ComplaintRules.Testing;

/// <summary>
/// Fits the numbers of existing rules (cause and conflict weights, intensity points, remedy priorities, the cause
/// threshold) to labelled complaints by coordinate search, penalised by the distance from the current values. It
/// never changes a phrase, a condition or an outcome. Scores are cross-validated: a fold is measured with numbers
/// fitted on the other folds, never on the rows it fitted.
/// </summary>
public sealed class RuleTuner
{
    private readonly IReadOnlyList<RuleSetSource> _sources;
    private readonly TunedRuleSet _tuned;

    /// <summary>Loads the rule set to tune from its layers.</summary>
    /// <param name="sources">The layers, first to last (include <see cref="RuleSetSource.Default"/> to tune over the default).</param>
    /// <exception cref="RuleSetException">A layer is invalid.</exception>
    public RuleTuner(IReadOnlyList<RuleSetSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
        var ruleSet = ComplaintRuleSet.Load(sources);
        _tuned = new TunedRuleSet(ruleSet, TunableNumber.Of(ruleSet));
    }

    /// <summary>Cross-validates, then fits on every complaint and writes the override layer.</summary>
    /// <param name="complaints">The labelled complaints; those without any label are left out.</param>
    /// <param name="options">Folds, seed, penalty and passes; defaults when <see langword="null"/>.</param>
    /// <returns>The scores before and after, the changes and the override layer.</returns>
    /// <exception cref="ArgumentException">Fewer labelled complaints than folds, or fewer than 2 folds.</exception>
    public TuneResult Tune(IEnumerable<LabelledComplaint> complaints, TuneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        options ??= new TuneOptions();
        var rows = complaints.Where(c => !c.Expect.IsEmpty).ToList();
        if (options.Folds < 2 || rows.Count < options.Folds)
        {
            throw new ArgumentException($"Tuning needs at least 2 folds and a labelled complaint per fold ({rows.Count} labelled, {options.Folds} folds).", nameof(complaints));
        }

        var penalty = options.Penalty ?? 0.5 / Math.Sqrt(rows.Count);
        var search = new CoordinateSearch(_tuned, rows, penalty, options.MaxPasses);
        var folds = AssignFolds(rows.Count, options.Folds, options.Seed);
        var original = search.Original;
        var before = new List<Dictionary<string, double>>();
        var after = new List<Dictionary<string, double>>();
        for (var k = 0; k < options.Folds; k++)
        {
            var heldOut = Enumerable.Range(0, rows.Count).Where(i => folds[i] == k).ToArray();
            var fitted = search.Fit([.. Enumerable.Range(0, rows.Count).Where(i => folds[i] != k)]);
            before.Add(search.Metrics(heldOut, original));
            after.Add(search.Metrics(heldOut, fitted));
        }

        var final = search.Fit([.. Enumerable.Range(0, rows.Count)]);
        var changes = new List<TunedValue>();
        for (var n = 0; n < _tuned.Numbers.Count; n++)
        {
            var number = _tuned.Numbers[n];
            if (final[n] != number.Original)
            {
                changes.Add(new TunedValue(number.RuleId, number.Decision, number.Member, number.Original, final[n]));
            }
        }

        return new TuneResult
        {
            Rows = rows.Count,
            Folds = options.Folds,
            Penalty = penalty,
            CrossValidation = [.. before[0].Keys.Select(name => Summarise(name, before, after))],
            Changes = changes,
            OverrideLayer = OverrideLayer.Write(_sources, changes,
                $"Numbers fitted by complaint-rules tune on {rows.Count} labelled complaints ({options.Folds} folds, seed {options.Seed}, penalty {penalty:0.####}). Review as a diff."),
        };
    }

    // Fisher–Yates with a seeded generator: the same seed always gives the same folds.
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Fold assignment must be reproducible, not secret.")]
    private static int[] AssignFolds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var random = new Random(seed);
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var fold = new int[count];
        for (var position = 0; position < count; position++)
        {
            fold[order[position]] = position % folds;
        }

        return fold;
    }

    private static CrossValidatedMetric Summarise(string name, List<Dictionary<string, double>> before, List<Dictionary<string, double>> after)
    {
        static (double Mean, double Spread) Stats(IEnumerable<double> values)
        {
            var list = values.ToList();
            var mean = list.Average();
            var spread = list.Count < 2 ? 0 : Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
            return (mean, spread);
        }

        // A fold without a label for this metric does not count towards it.
        var b = Stats(before.Where(f => f.ContainsKey(name)).Select(f => f[name]));
        var a = Stats(after.Where(f => f.ContainsKey(name)).Select(f => f[name]));
        return new CrossValidatedMetric(name, b.Mean, b.Spread, a.Mean, a.Spread);
    }
}
