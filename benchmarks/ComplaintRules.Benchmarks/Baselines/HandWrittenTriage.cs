using ComplaintRules.Features;

namespace ComplaintRules.Benchmarks.Baselines;

/// <summary>
/// The rules of <c>Rules/default.snapshot.rules.json</c> written by hand in C#: each condition reads the signal
/// counts directly by index, as the compiled rules do, with no delegate calls. The practical lower bound.
/// </summary>
internal sealed class HandWrittenTriage : TriagePipeline
{
    // The snapshot's rule ids, in order; the conditions below are written for exactly these.
    private static readonly string[] s_expectedIds =
    [
        "cause.expectation.promise", "cause.rights.demand", "cause.rights.threat", "cause.venting.anger", "cause.venting.shouting",
        "intensity.anger", "intensity.exclamation", "intensity.runs", "intensity.caps",
        "conflict.price.fees", "conflict.service.slow", "conflict.communication.misleading", "conflict.policy.terms", "conflict.collections",
        "severity.standard", "severity.threat", "severity.vulnerable",
        "step.listen", "step.apologize", "step.gather", "step.propose", "step.agree", "step.follow_up", "step.venting.soothe",
        "remedy.explain", "remedy.refund", "remedy.stop_collection", "remedy.escalate",
    ];

    // Offsets into ComplaintFacts.SignalCounts: affirmed count of each signal (+2 for the demand count).
    private readonly int _promise, _refund, _compensation, _regulator, _rights, _anger, _fees, _slow, _misleading, _terms, _collection;
    private readonly int _exclamationRun, _exclamationMark, _capsWord;

    public HandWrittenTriage(ComplaintRuleSet snapshot)
        : base(snapshot)
    {
        var ids = snapshot.RuleIds.ToArray();
        if (!ids.SequenceEqual(s_expectedIds, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"The hand-written baseline encodes the snapshot's rules [{string.Join(", ", s_expectedIds)}], but the rule set has [{string.Join(", ", ids)}].");
        }

        var index = snapshot.Extractor.Signals.Index;
        int Slot(string signal) => index[signal] * ComplaintFacts.CountsPerSignal;
        _promise = Slot("promise");
        _refund = Slot("refund_demand");
        _compensation = Slot("compensation_demand");
        _regulator = Slot("regulator_threat");
        _rights = Slot("rights_words");
        _anger = Slot("anger");
        _fees = Slot("fees");
        _slow = Slot("slow");
        _misleading = Slot("misleading");
        _terms = Slot("terms");
        _collection = Slot("collection");
        _exclamationRun = Slot("exclamation_run");
        _exclamationMark = Slot("exclamation_mark");
        _capsWord = Slot("caps_word");
    }

    protected override void Decide(Decision decision, ComplaintFacts facts, Span<bool> fired)
    {
        var n = facts.SignalCounts;
        switch (decision)
        {
            case Decision.Causes:
                fired[0] = n[_promise] > 0;
                fired[1] = n[_refund] > 0 || n[_compensation] > 0 || n[_refund + 2] > 0;
                fired[2] = n[_regulator] > 0 || n[_rights] > 0;
                fired[3] = n[_anger] > 0;
                fired[4] = n[_exclamationRun] + n[_capsWord] >= 1;
                break;
            case Decision.Intensity:
                fired[0] = n[_anger] > 0;
                fired[1] = n[_exclamationMark] >= 2;
                fired[2] = n[_exclamationRun] >= 1;
                fired[3] = n[_capsWord] >= 2;
                break;
            case Decision.Conflicts:
                fired[0] = n[_fees] > 0;
                fired[1] = n[_slow] > 0;
                fired[2] = n[_misleading] > 0;
                fired[3] = n[_terms] > 0;
                fired[4] = n[_collection] > 0;
                break;
            case Decision.Severity:
                fired[0] = facts.PrimaryCause != "none";
                fired[1] = n[_regulator] > 0;
                fired[2] = facts.HasTag("vulnerable");
                break;
            case Decision.Steps:
                fired[..6].Fill(true);
                fired[6] = facts.PrimaryCause == "venting";
                break;
            case Decision.Remedies:
                fired[0] = true;
                fired[1] = facts.CauseScores[(int)RootCause.RightsClaim] >= facts.CauseThreshold && (n[_refund] > 0 || n[_refund + 2] > 0);
                fired[2] = facts.Conflict == "collections";
                fired[3] = facts.SeverityLevel >= 3;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(decision), decision, "Unknown decision.");
        }
    }

    /// <summary>Decides one decision's rules (for replaying firings in the result-building benchmark).</summary>
    public void DecideFor(Decision decision, ComplaintFacts facts, Span<bool> fired) => Decide(decision, facts, fired);

    /// <summary>Only the conditions, over facts whose earlier outcomes are already set: the lower bound of rule evaluation.</summary>
    /// <returns>How many rules fire, so the work cannot be optimised away.</returns>
    public int CountFiring(ComplaintFacts facts)
    {
        Span<bool> fired = stackalloc bool[8];
        var count = 0;
        for (var d = Decision.Causes; d <= Decision.Remedies; d++)
        {
            var length = d switch
            {
                Decision.Causes => 5,
                Decision.Intensity => 4,
                Decision.Conflicts => 5,
                Decision.Severity => 3,
                Decision.Steps => 7,
                _ => 4,
            };
            var slice = fired[..length];
            Decide(d, facts, slice);
            foreach (var f in slice)
            {
                count += f ? 1 : 0;
            }
        }

        return count;
    }
}
