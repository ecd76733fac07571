namespace ComplaintRules.Cli.Evaluation;

/// <summary>Small, dependency-free scoring helpers for the evaluate command.</summary>
internal static class Metrics
{
    /// <summary>Precision, recall and F1 of a binary prediction against gold labels.</summary>
    public static BinaryScore Binary(IEnumerable<(bool Gold, bool Predicted)> pairs)
    {
        int tp = 0, fp = 0, fn = 0, n = 0;
        foreach (var (gold, predicted) in pairs)
        {
            n++;
            if (gold && predicted)
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (gold)
            {
                fn++;
            }
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BinaryScore(Round(precision), Round(recall), Round(f1), tp, fp, fn, n);
    }

    /// <summary>Spearman's rank correlation (Pearson on average ranks, so ties are handled).</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count || x.Count < 2)
        {
            return 0;
        }

        return Round(Pearson(Ranks(x), Ranks(y)));
    }

    /// <summary>Cohen's kappa of two labellings of the same items.</summary>
    public static double CohensKappa(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var n = gold.Count;
        if (n == 0)
        {
            return 0;
        }

        var agree = 0;
        var goldCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var predCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            agree += gold[i] == predicted[i] ? 1 : 0;
            goldCounts[gold[i]] = goldCounts.GetValueOrDefault(gold[i]) + 1;
            predCounts[predicted[i]] = predCounts.GetValueOrDefault(predicted[i]) + 1;
        }

        var po = (double)agree / n;
        var pe = goldCounts.Sum(g => (double)g.Value / n * predCounts.GetValueOrDefault(g.Key) / n);
        return pe >= 1 ? 0 : Round((po - pe) / (1 - pe));
    }

    public static double Round(double value) => Math.Round(value, 4);

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var i = 0;
        while (i < order.Length)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            var average = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = average;
            }

            i = j + 1;
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

/// <summary>Precision, recall and F1 with the counts behind them.</summary>
internal sealed record BinaryScore(double Precision, double Recall, double F1, int TruePositives, int FalsePositives, int FalseNegatives, int Count);
