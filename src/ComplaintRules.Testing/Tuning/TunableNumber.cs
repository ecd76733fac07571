using ComplaintRules.Rules;

namespace ComplaintRules.Testing;

/// <summary>What kind of number a tunable parameter is; it fixes the steps tried, the bounds and the penalty's scale.</summary>
internal enum TunableKind
{
    CauseWeight,
    ConflictWeight,
    IntensityPoints,
    RemedyPriority,
    CauseThreshold,
}

/// <summary>
/// One number of the rule set the tuner may move: a rule's weight, points or priority, or the cause threshold
/// (<see cref="RuleIndex"/> −1). Conditions, phrases and outcomes are never touched.
/// </summary>
internal sealed record TunableNumber(TunableKind Kind, int RuleIndex, string RuleId, string Decision, string Member, double Original)
{
    /// <summary>How far a unit of change goes, so the penalty weighs a 0.1 weight like 0.4 points or 10 priority.</summary>
    public double Scale => Kind switch
    {
        TunableKind.IntensityPoints => 4,
        TunableKind.RemedyPriority => 100,
        _ => 1,
    };

    /// <summary>The values tried from <paramref name="current"/>, nearest first, inside the format's bounds.</summary>
    public IEnumerable<double> Candidates(double current)
    {
        // A grid rather than one step: a noisy-OR score only changes a decision where it crosses the threshold or
        // another score, so one small step often changes nothing and the search would stop on a plateau.
        double[] steps = Kind switch
        {
            TunableKind.IntensityPoints => [-1, 1, -2, 2],
            TunableKind.RemedyPriority => [-5, 5, -10, 10, -20, 20, -40, 40],
            _ => [-0.05, 0.05, -0.1, 0.1, -0.15, 0.15, -0.2, 0.2, -0.25, 0.25, -0.3, 0.3],
        };

        foreach (var step in steps)
        {
            var value = Math.Round(current + step, 4);
            var valid = Kind switch
            {
                TunableKind.IntensityPoints => value is >= -4 and <= 4 && value != 0,
                TunableKind.RemedyPriority => value is >= 0 and <= 1000,
                TunableKind.CauseThreshold => value is >= 0.05 and <= 0.95,
                _ => value is >= 0.05 and <= 1,
            };
            if (valid)
            {
                yield return value;
            }
        }
    }

    /// <summary>Every tunable number of <paramref name="ruleSet"/>, in rule order, the cause threshold last.</summary>
    public static List<TunableNumber> Of(ComplaintRuleSet ruleSet)
    {
        var numbers = new List<TunableNumber>();
        for (var i = 0; i < ruleSet.AllRules.Count; i++)
        {
            var rule = ruleSet.AllRules[i];
            TunableNumber? number = rule switch
            {
                CauseRule c => new(TunableKind.CauseWeight, i, c.Id, "causes", "weight", c.Weight),
                ConflictRule c => new(TunableKind.ConflictWeight, i, c.Id, "conflicts", "weight", c.Weight),
                IntensityRule r => new(TunableKind.IntensityPoints, i, r.Id, "intensity", "points", r.Points),
                RemedyRule r => new(TunableKind.RemedyPriority, i, r.Id, "remedies", "priority", r.Priority),
                _ => null,
            };
            if (number is not null)
            {
                numbers.Add(number);
            }
        }

        numbers.Add(new TunableNumber(TunableKind.CauseThreshold, -1, "", "settings", "causeThreshold", ruleSet.CauseThreshold));
        return numbers;
    }

    /// <summary>The rule with this number set to <paramref name="value"/>; built anew so no cached output keeps the old number.</summary>
    public static CompiledRule Apply(CompiledRule rule, double value) => rule switch
    {
        CauseRule c => c with { Weight = value },
        ConflictRule c => c with { Weight = value },
        IntensityRule r => r with { Points = (int)value },
        RemedyRule r => new RemedyRule(r.Id, r.When, r.Condition, r.SignalsRead, r.Remedy, r.OutcomeClass, (int)value, r.Reason) { Reads = r.Reads, Fallback = r.Fallback, ExpandedWhen = r.ExpandedWhen },
        _ => rule,
    };
}

/// <summary>A rule set with some of its numbers changed, built without recompiling a condition.</summary>
internal sealed class TunedRuleSet(ComplaintRuleSet original, IReadOnlyList<TunableNumber> numbers)
{
    public ComplaintRuleSet Original { get; } = original;

    public IReadOnlyList<TunableNumber> Numbers { get; } = numbers;

    public ComplaintRuleSet Build(IReadOnlyList<double> values)
    {
        var rules = Original.AllRules.ToArray();
        var threshold = Original.CauseThreshold;
        for (var n = 0; n < Numbers.Count; n++)
        {
            var number = Numbers[n];
            if (values[n] == number.Original)
            {
                continue;
            }

            if (number.RuleIndex < 0)
            {
                threshold = values[n];
            }
            else
            {
                rules[number.RuleIndex] = TunableNumber.Apply(rules[number.RuleIndex], values[n]);
            }
        }

        return new ComplaintRuleSet(Original.Name, Original.Version, Original.Hash, Original.Sources, Original.Extractor, rules, threshold)
        {
            Regimes = Original.Regimes,
            AlertRules = Original.AlertRules,
            ConflictNeedsCause = Original.ConflictNeedsCause,
        };
    }
}
