using ComplaintRules.Rules;

namespace ComplaintRules.Evaluation;

// The steps and remedies of an evaluation that deferred them (Evaluate's deferLists), for the authority step.
internal static partial class RuleEvaluator
{
    /// <summary>
    /// The ranked remedies with their numbers (<see cref="RemedySlots"/>) and the winning step rules in order, as the
    /// evaluation of <paramref name="decisions"/> left them; valid on its thread until the next evaluation there.
    /// </summary>
    public static PendingLists Pending(in RuleDecisions decisions)
    {
        if (decisions.PendingStamp == 0 || t_scratch is not { Deferred: true } scratch || scratch.Stamp != decisions.PendingStamp)
        {
            throw new InvalidOperationException("The decisions' steps and remedies are no longer pending on this thread.");
        }

        return new PendingLists(scratch.Ranked.AsSpan(0, scratch.RankedCount), scratch.RankedNumbers.AsSpan(0, scratch.RankedCount),
            scratch.OrderedSteps.AsSpan(0, scratch.StepCount));
    }

    /// <summary>Pending steps and remedies (<see cref="Pending"/>).</summary>
    public readonly ref struct PendingLists
    {
        public PendingLists(ReadOnlySpan<RemedyRecommendation> remedies, ReadOnlySpan<int> numbers, ReadOnlySpan<StepRule> steps)
        {
            Remedies = remedies;
            Numbers = numbers;
            Steps = steps;
        }

        public ReadOnlySpan<RemedyRecommendation> Remedies { get; }

        public ReadOnlySpan<int> Numbers { get; }

        public ReadOnlySpan<StepRule> Steps { get; }
    }
}
