using ComplaintRules.Features;
using ComplaintRules.Rules;

namespace ComplaintRules.Evaluation;

// The second stage of causes and conflicts: fallback rules read the outcome of the first stage, written here.
internal static partial class RuleEvaluator
{
    // The first stage's cause outcome, as the final one is computed below: scores, and the primary cause (ties to the first cause).
    // The rules for "none" (RootCause.None, slot 0) have reached the threshold: the text is no complaint.
    private static bool IsNoComplaint(ReadOnlySpan<double> causeMiss, double threshold) => Math.Round(1 - causeMiss[0], 4) >= threshold;

    private static void WriteCauseOutcome(ComplaintFacts facts, ReadOnlySpan<double> causeMiss, double threshold)
    {
        var primary = RootCause.None;
        var best = 0.0;
        for (var c = 1; c < 4; c++)
        {
            var score = Math.Round(1 - causeMiss[c], 4);
            facts.CauseScores[c] = score;
            if (score >= threshold && (primary == RootCause.None || score > best))
            {
                primary = (RootCause)c;
                best = score;
            }
        }

        facts.PrimaryCause = primary.Name();
    }

    // The first stage's conflict outcome: scores of the types that fired, the main type (ties to the first type) and its subtype.
    private static void WriteConflictOutcome(ComplaintFacts facts, ReadOnlySpan<double> conflictMiss, ConflictRule?[] strongest)
    {
        var main = -1;
        var best = 0.0;
        for (var t = 0; t < 6; t++)
        {
            if (strongest[t] is null)
            {
                continue;
            }

            var score = Math.Round(1 - conflictMiss[t], 4);
            facts.ConflictScores[t] = score;
            if (main < 0 || score > best)
            {
                main = t;
                best = score;
            }
        }

        facts.Conflict = main < 0 ? ConflictType.Other.Name() : ((ConflictType)main).Name();
        facts.ConflictSubtype = main < 0 ? "" : strongest[main]!.Subtype ?? "";
    }

    // A cause only primaryOnly rules found (its bit not in listable) is listed when it is the primary, which the tie-break
    // has put first, not beside it; the later decisions see it as the list does: absent (no rule without the flag scored it).
    private static void SetAsideBesidePrimary(List<CauseFinding> causes, int listable, ComplaintFacts facts)
    {
        for (var i = causes.Count - 1; i > 0; i--)
        {
            if ((listable & (1 << (int)causes[i].Cause)) == 0)
            {
                facts.CauseScores[(int)causes[i].Cause] = 0;
                causes.RemoveAt(i);
            }
        }
    }

    private static void RecordReads(Dictionary<string, FactValue[]>? fallbackReads, CompiledRule rule, ComplaintFacts facts)
    {
        if (fallbackReads is null)
        {
            return;
        }

        var values = new FactValue[rule.Reads.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new FactValue(rule.Reads[i].Name, rule.Reads[i].ValueIn(facts));
        }

        fallbackReads[rule.Id] = values;
    }
}
