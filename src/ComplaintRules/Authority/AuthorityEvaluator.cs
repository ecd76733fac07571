using System.Text;
using ComplaintRules.Evaluation;

namespace ComplaintRules.Authority;

/// <summary>
/// After the rules: the role that may grant each recommended remedy, the split into what the handler may offer now
/// and what needs approval, and a sentence saying so at the end of the <c>propose</c> step's guidance.
/// </summary>
internal static class AuthorityEvaluator
{
    // grants: the rule set's AuthorityGrants, needed when the decisions' steps and remedies are pending (deferred).
    public static (RuleDecisions Decisions, RemedyAuthority Authority) Apply(AuthorityLimits limits, RuleDecisions decisions, Complaint complaint, List<AssessmentWarning> warnings,
        RemedyGrant?[]? grants = null)
    {
        var handler = 0;
        if (!string.IsNullOrWhiteSpace(complaint.HandlerRole))
        {
            handler = limits.RankOf(complaint.HandlerRole);
            if (handler < 0)
            {
                warnings.Add(WarningCodes.Format(WarningCodes.HandlerRoleUnknown,
                    $"handler role '{complaint.HandlerRole}' is not one of {string.Join(", ", limits.Roles)}; remedies were split for '{limits.Roles[0]}'"));
                handler = 0;
            }
        }

        var code = AuthorityLimits.CurrencyCode(complaint.Currency);
        if (decisions.PendingStamp != 0)
        {
            return ApplyPending(limits, grants ?? throw new ArgumentNullException(nameof(grants)), decisions, complaint.Amount, code, handler);
        }

        var count = decisions.Remedies.Count;
        Span<int> ranks = count <= 64 ? stackalloc int[count] : new int[count];
        Span<int> remedyKeys = count <= 64 ? stackalloc int[count] : new int[count];
        for (var i = 0; i < count; i++)
        {
            ranks[i] = limits.DecideIn(decisions.Remedies[i].Remedy, decisions.Severity, complaint.Amount, code, explain: false).Rank;
            remedyKeys[i] = decisions.Remedies[i].CacheKey;
        }

        Span<int> stepKeys = decisions.Steps.Count <= 64 ? stackalloc int[decisions.Steps.Count] : new int[decisions.Steps.Count];
        for (var i = 0; i < stepKeys.Length; i++)
        {
            stepKeys[i] = decisions.Steps[i].CacheKey;
        }

        var length = AuthorityCache.KeyLength(count, stepKeys.Length);
        var key = AuthorityCache.Key(length <= 256 ? stackalloc char[length] : new char[length], decisions.Language, handler, remedyKeys, ranks, stepKeys);
        if (!limits.Cache.TryGet(key, out var entry))
        {
            entry = Make(limits, decisions, ranks, handler);
            limits.Cache.Add(key, entry);
        }

        return (decisions with { Remedies = entry.Remedies, Steps = entry.Steps }, entry.Split);
    }

    // The steps and remedies still in the evaluator's scratch: their case is looked up with each remedy's grant found by
    // its number, and only a miss makes the lists (as the evaluator would have) to make the case from.
    private static (RuleDecisions Decisions, RemedyAuthority Authority) ApplyPending(AuthorityLimits limits, RemedyGrant?[] grants, RuleDecisions decisions,
        decimal? amount, string? code, int handler)
    {
        var pending = RuleEvaluator.Pending(decisions);
        var remedies = pending.Remedies;
        var steps = pending.Steps;
        Span<int> ranks = remedies.Length <= 64 ? stackalloc int[remedies.Length] : new int[remedies.Length];
        Span<int> remedyKeys = remedies.Length <= 64 ? stackalloc int[remedies.Length] : new int[remedies.Length];
        for (var i = 0; i < remedies.Length; i++)
        {
            ranks[i] = limits.DecideFor(grants[pending.Numbers[i]], decisions.Severity, amount, code, explain: false).Rank;
            remedyKeys[i] = remedies[i].CacheKey;
        }

        Span<int> stepKeys = stackalloc int[steps.Length]; // at most one rule per step
        for (var i = 0; i < steps.Length; i++)
        {
            stepKeys[i] = steps[i].GuidanceFor(decisions.Language).CacheKey;
        }

        var length = AuthorityCache.KeyLength(remedies.Length, steps.Length);
        var key = AuthorityCache.Key(length <= 256 ? stackalloc char[length] : new char[length], decisions.Language, handler, remedyKeys, ranks, stepKeys);
        if (!limits.Cache.TryGet(key, out var entry))
        {
            var made = new StepGuidance[steps.Length];
            for (var i = 0; i < made.Length; i++)
            {
                made[i] = steps[i].GuidanceFor(decisions.Language);
            }

            var ranked = remedies.IsEmpty ? System.Collections.ObjectModel.ReadOnlyCollection<RemedyRecommendation>.Empty : ReadOnlyLists.Of(remedies.ToArray());
            entry = Make(limits, decisions with { Remedies = ranked, Steps = ReadOnlyLists.Of(made) }, ranks, handler);
            limits.Cache.Add(key, entry);
        }

        return (decisions with { Remedies = entry.Remedies, Steps = entry.Steps, PendingStamp = 0 }, entry.Split);
    }

    // A miss: each remedy with its granting role, the split, and the propose step with the sentence appended.
    private static AuthorityCache.Entry Make(AuthorityLimits limits, RuleDecisions decisions, ReadOnlySpan<int> ranks, int handler)
    {
        var remedies = new RemedyRecommendation[decisions.Remedies.Count];
        for (var i = 0; i < remedies.Length; i++)
        {
            remedies[i] = decisions.Remedies[i].WithGrantedBy(limits.Roles[ranks[i]], ranks[i], limits.Roles.Count);
        }

        var grantable = ReadOnlyLists.Of(remedies);
        var split = limits.Split(grantable, handler);
        var steps = decisions.Steps;
        var propose = IndexOfPropose(steps);
        if (propose >= 0 && remedies.Length > 0)
        {
            var copy = steps.ToArray();
            var sentence = Sentence(limits, split, handler, decisions.Language);
            var guidance = copy[propose].Guidance;
            copy[propose] = copy[propose].WithGuidance(guidance.Length == 0 ? sentence : guidance + (decisions.Language == "zh" ? "" : " ") + sentence);
            steps = ReadOnlyLists.Of(copy);
        }

        return new AuthorityCache.Entry(grantable, split, steps);
    }

    private static int IndexOfPropose(IReadOnlyList<StepGuidance> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Step == HandlingStep.Propose)
            {
                return i;
            }
        }

        return -1;
    }

    // "May be offered now: Refund. Ask a supervisor for approval before promising: Compensate the loss." — one sentence
    // for what the handler may offer, one per role whose approval is needed, lowest role first.
    private static string Sentence(AuthorityLimits limits, RemedyAuthority split, int handler, string language)
    {
        var guidance = limits.Guidance;
        var separator = guidance.ListSeparator.For(language);
        var gap = language == "zh" ? "" : " ";
        var s = new StringBuilder();
        if (split.OfferNow.Count > 0)
        {
            s.Append(Fill(guidance.OfferNow.For(language), Labels(limits, split.OfferNow, language, separator), limits.RoleLabel(handler, language)));
        }

        foreach (var group in split.NeedsApproval.GroupBy(r => r.GrantedBy is { } role ? limits.RankOf(role) : limits.Roles.Count - 1).OrderBy(g => g.Key))
        {
            if (s.Length > 0)
            {
                s.Append(gap);
            }

            var rank = Math.Max(group.Key, 0);
            s.Append(Fill(guidance.NeedsApproval.For(language), Labels(limits, [.. group], language, separator), limits.RoleLabel(rank, language)));
        }

        return s.ToString();
    }

    private static string Labels(AuthorityLimits limits, IReadOnlyList<RemedyRecommendation> remedies, string language, string separator) =>
        string.Join(separator, remedies.Select(r => limits.RemedyLabels.TryGetValue(r.Remedy, out var label) && label.For(language) is { Length: > 0 } text ? text : r.Remedy));

    private static string Fill(string template, string remedies, string role) =>
        template.Replace("{remedies}", remedies, StringComparison.Ordinal).Replace("{role}", role, StringComparison.Ordinal);
}
