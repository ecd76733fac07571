using System.Runtime.InteropServices;
using ComplaintRules.Features;

namespace ComplaintRules.Evaluation;

// The tie-break: causes found together are ordered by their rule scores plus what the words of the text lean to.
internal static partial class RuleEvaluator
{
    /// <summary>Most spans of the tie-break's own evidence per cause it moved up.</summary>
    public const int TieBreakEvidence = 3;

    // After the rules: the order of close causes, then a cause they missed. The two read the text's grams at most once
    // between them. Returns the listable bit of a cause it added.
    private static int ApplyTieBreak(Run run, TieBreak tie, List<CauseFinding> causes, EvidenceSource source, double threshold)
    {
        Span<double> sums = stackalloc double[4];
        var summed = false;
        if (causes.Count > 1)
        {
            BreakTies(run, tie, causes, source, threshold, sums, ref summed);
        }

        return tie.HasLeads ? AddLeading(run, tie, causes, source, threshold, sums, ref summed) : 0;
    }

    // Scores stay the rules' own. The order can change (and so the primary cause), and a cause the rules found weakly
    // can be dropped: one whose score plus the presence lean falls below the threshold, unless it is the last. When
    // either happens the tie-break joins the trace, and each cause it moved up gets the grams that weigh most towards
    // it as evidence; a dropped cause reads as absent to the decisions after (its CauseScore is the lowered one).
    private static void BreakTies(Run run, TieBreak tie, List<CauseFinding> causes, EvidenceSource source, double threshold,
        Span<double> sums, ref bool summed)
    {
        // The lean moves a cause by at most the weight (the presence weight against the threshold): causes further
        // apart keep their order, causes further above the threshold stay, and the text is not read.
        var close = causes[0].Score < threshold + tie.Presence;
        for (var i = 1; i < causes.Count; i++)
        {
            close |= causes[i - 1].Score - causes[i].Score < 2 * tie.Weight || causes[i].Score < threshold + tie.Presence;
        }

        if (!close)
        {
            return;
        }

        var chinese = run.Facts.Language == "zh";
        SumOnce(run, tie, source, sums, ref summed);
        var found = CollectionsMarshal.AsSpan(causes);
        Span<RootCause> before = stackalloc RootCause[found.Length];
        Span<double> keys = stackalloc double[found.Length];
        for (var i = 0; i < found.Length; i++)
        {
            before[i] = found[i].Cause;
            keys[i] = found[i].Score + tie.Lean(sums[(int)found[i].Cause]);
        }

        // Insertion sort by key, highest first; equal keys keep the rules' order. At most three.
        for (var i = 1; i < found.Length; i++)
        {
            var (item, key) = (found[i], keys[i]);
            var j = i - 1;
            for (; j >= 0 && keys[j] < key; j--)
            {
                (found[j + 1], keys[j + 1]) = (found[j], keys[j]);
            }

            (found[j + 1], keys[j + 1]) = (item, key);
        }

        var changed = Drop(run.Facts, tie, causes, sums, threshold);
        found = CollectionsMarshal.AsSpan(causes);
        for (var i = 0; i < found.Length; i++)
        {
            if (found[i].Cause != before[i] && before.IndexOf(found[i].Cause) > i)
            {
                changed = true;
                found[i] = new CauseFinding(found[i].Cause, found[i].Score,
                    WithTieBreak(run, tie, found[i].Evidence, Array.IndexOf(TieBreak.Causes, found[i].Cause), source, chinese));
            }
        }

        if (changed)
        {
            run.Scratch.Fired.Add(run.Rules.TieBreakPosition);
        }
    }

    // A text in which the rules find no cause, and no rule for "none" says it is no complaint, is a complaint after all
    // when its grams lean to one by more than the detect level: it gets the labelling guide's fallback cause, an unmet
    // expectation, at the threshold, with the grams that weigh most towards a complaint as evidence.
    private static void Detect(Run run, TieBreak tie, List<CauseFinding> causes, EvidenceSource source, double threshold)
    {
        var chinese = run.Facts.Language == "zh";
        Span<double> sums = stackalloc double[4];
        if (!(tie.Sum(CustomerText(run, source), chinese, sums) > tie.Detect))
        {
            return;
        }

        var evidence = WithTieBreak(run, tie, System.Collections.ObjectModel.ReadOnlyCollection<Evidence>.Empty, TieBreak.ComplaintColumn, source, chinese);
        run.Facts.CauseScores[(int)RootCause.Expectation] = threshold;
        causes.Add(new CauseFinding(RootCause.Expectation, threshold, evidence));
        run.Scratch.Fired.Add(run.Rules.TieBreakPosition);
    }

    // A complaint of at most LeadMaxLength characters in which the rules find causes but not one with a lead has it too
    // when its grams' weights towards it lead both other causes' by more than that lead (at most one cause can): at the
    // threshold, after the causes the rules found (so never the primary one), with the grams that weigh most towards it
    // as evidence. Returns its listable bit.
    private static int AddLeading(Run run, TieBreak tie, List<CauseFinding> causes, EvidenceSource source, double threshold,
        Span<double> sums, ref bool summed)
    {
        if (CustomerText(run, source).Length > TieBreak.LeadMaxLength)
        {
            return 0;
        }

        var cause = RootCause.None;
        foreach (var candidate in TieBreak.Causes)
        {
            if (tie.LeadOf(candidate) is { } lead && run.Facts.CauseScores[(int)candidate] < threshold)
            {
                SumOnce(run, tie, source, sums, ref summed);
                cause = TieBreak.Margin(sums, candidate) > lead ? candidate : cause;
            }
        }

        if (cause == RootCause.None)
        {
            return 0;
        }

        var evidence = WithTieBreak(run, tie, System.Collections.ObjectModel.ReadOnlyCollection<Evidence>.Empty, Array.IndexOf(TieBreak.Causes, cause),
            source, run.Facts.Language == "zh");
        run.Facts.CauseScores[(int)cause] = threshold;
        causes.Add(new CauseFinding(cause, threshold, evidence));
        if (!run.Scratch.Fired.Contains(run.Rules.TieBreakPosition))
        {
            run.Scratch.Fired.Add(run.Rules.TieBreakPosition); // once, though it may also have reordered the causes
        }

        return 1 << (int)cause;
    }

    private static void SumOnce(Run run, TieBreak tie, EvidenceSource source, Span<double> sums, ref bool summed)
    {
        if (!summed)
        {
            tie.Sum(CustomerText(run, source), run.Facts.Language == "zh", sums);
            summed = true;
        }
    }

    // Drops the causes (in key order) that the presence lean takes below the threshold, keeping the first if all go.
    private static bool Drop(ComplaintFacts facts, TieBreak tie, List<CauseFinding> causes, ReadOnlySpan<double> sums, double threshold)
    {
        if (tie.Presence == 0)
        {
            return false;
        }

        var dropped = false;
        for (var i = causes.Count - 1; i >= 0; i--)
        {
            var cause = causes[i].Cause;
            var lowered = causes[i].Score + tie.PresenceLean(sums[(int)cause]);
            if (lowered < threshold && (causes.Count > 1 || i > 0))
            {
                facts.CauseScores[(int)cause] = Math.Max(0, Math.Round(lowered, 4));
                causes.RemoveAt(i);
                dropped = true;
            }
        }

        return dropped;
    }

    // The evidence with the tie-break's strongest grams of a column of weights (a cause's, or a complaint's) that overlap
    // none of it, in order of start, while there is room (MaxEvidencePerFinding): the trace names the tie-break in any case.
    private static IReadOnlyList<Evidence> WithTieBreak(Run run, TieBreak tie, IReadOnlyList<Evidence> evidence, int column, EvidenceSource source, bool chinese)
    {
        Span<(int Start, int End)> grams = stackalloc (int, int)[TieBreakEvidence];
        var count = tie.Strongest(CustomerText(run, source), chinese, column, grams);
        var old = evidence as EvidenceList;
        var oldCount = old?.Count ?? 0;
        var kept = 0;
        foreach (var (start, end) in grams[..count])
        {
            var overlaps = false;
            for (var i = 0; i < oldCount && !overlaps; i++)
            {
                overlaps = !old!.InDemand(i) && old.Start(i) < end && start < old.Start(i) + old.Length(i);
            }

            if (!overlaps && oldCount + kept < MaxEvidencePerFinding)
            {
                grams[kept++] = (start, end);
            }
        }

        if (kept == 0)
        {
            return evidence;
        }

        // Both lists are in order of field and start: merge them.
        var (signal, rule) = (run.Rules.TieBreakSignal, run.Rules.TieBreakPosition);
        var packed = new int[(oldCount + kept) * EvidenceList.Stride];
        for (int o = 0, n = 0, at = 0; o < oldCount || n < kept; at += EvidenceList.Stride)
        {
            if (n < kept && (o == oldCount || old!.InDemand(o) || old.Start(o) > grams[n].Start))
            {
                (packed[at], packed[at + 1], packed[at + 2], packed[at + 3]) = (grams[n].Start, grams[n].End - grams[n].Start, EvidenceList.Pack(signal, false), rule);
                n++;
            }
            else
            {
                (packed[at], packed[at + 1], packed[at + 2], packed[at + 3]) = (old!.Start(o), old.Length(o), EvidenceList.Pack(old.Signal(o), old.InDemand(o)), old.Rule(o));
                o++;
            }
        }

        return new EvidenceList(source, packed);
    }

    // The words the tie-break reads: the customer's, up to where a firm's reply below them starts (ComplaintFacts.Length).
    private static ReadOnlySpan<char> CustomerText(Run run, EvidenceSource source) =>
        source.Text.AsSpan(0, Math.Min(run.Facts.Length, source.Text.Length));
}
