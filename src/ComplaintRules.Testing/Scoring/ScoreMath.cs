namespace ComplaintRules.Testing;

/// <summary>The agreement statistics of <see cref="ComplaintScorer"/>, on plain lists so they can be checked by hand.</summary>
internal static class ScoreMath
{
    /// <summary>Accuracy, Cohen's κ, per-class scores, macro-F1, majority baseline and confusion of one labelled decision.</summary>
    public static ClassificationScore Classification(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var n = gold.Count;
        var confusion = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var goldCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var predictedCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var correct = 0;
        for (var i = 0; i < n; i++)
        {
            var (g, p) = (gold[i], predicted[i]);
            correct += g == p ? 1 : 0;
            goldCounts[g] = goldCounts.GetValueOrDefault(g) + 1;
            predictedCounts[p] = predictedCounts.GetValueOrDefault(p) + 1;
            if (!confusion.TryGetValue(g, out var row))
            {
                confusion[g] = row = new SortedDictionary<string, int>(StringComparer.Ordinal);
            }

            row[p] = row.GetValueOrDefault(p) + 1;
        }

        // Every class seen in the labels or the predictions counts in macro-F1: a class never predicted scores 0,
        // and so does a class predicted but never labelled.
        var perClass = new SortedDictionary<string, ClassScore>(StringComparer.Ordinal);
        foreach (var label in goldCounts.Keys.Union(predictedCounts.Keys))
        {
            var tp = confusion.TryGetValue(label, out var row) ? row.GetValueOrDefault(label) : 0;
            perClass[label] = Class(tp, predictedCounts.GetValueOrDefault(label) - tp, goldCounts.GetValueOrDefault(label) - tp);
        }

        var expectedAgreement = n == 0 ? 0 : goldCounts.Sum(g => (double)g.Value / n * predictedCounts.GetValueOrDefault(g.Key) / n);
        var observed = n == 0 ? 0 : (double)correct / n;
        return new ClassificationScore
        {
            N = n,
            Accuracy = observed,
            Kappa = Kappa(observed, expectedAgreement),
            MacroF1 = perClass.Count == 0 ? 0 : perClass.Values.Average(c => c.F1),
            MajorityBaseline = n == 0 ? 0 : (double)goldCounts.Values.Max() / n,
            PerClass = perClass,
            Confusion = confusion.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>Precision, recall and F1 of a yes/no decision.</summary>
    public static ClassScore Binary(IReadOnlyList<bool> gold, IReadOnlyList<bool> predicted)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            tp += gold[i] && predicted[i] ? 1 : 0;
            fp += !gold[i] && predicted[i] ? 1 : 0;
            fn += gold[i] && !predicted[i] ? 1 : 0;
        }

        return Class(tp, fp, fn) with { N = gold.Count, Accuracy = gold.Count == 0 ? 0 : 1 - ((double)(fp + fn) / gold.Count) };
    }

    /// <summary>Spearman's ρ: Pearson's correlation of the average ranks (ties share their mean rank); 0 when either side is constant.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        x.Count < 2 ? 0 : Pearson(Ranks(x), Ranks(y));

    public static double Kappa(double observed, double expected) => expected >= 1 ? (observed >= 1 ? 1 : 0) : (observed - expected) / (1 - expected);

    private static ClassScore Class(int tp, int fp, int fn)
    {
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassScore { Precision = precision, Recall = recall, F1 = f1, Support = tp + fn, TruePositives = tp, FalsePositives = fp, FalseNegatives = fn };
    }

    internal static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = ((start + end) / 2.0) + 1;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }
}
