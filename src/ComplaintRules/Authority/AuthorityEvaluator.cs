using System.Text;
using ComplaintRules.Evaluation;

namespace ComplaintRules.Authority;

/// <summary>
/// After the rules: the role that may grant each recommended remedy, the split into what the handler may offer now
/// and what needs approval, and a sentence saying so at the end of the <c>propose</c> step's guidance.
/// </summary>
internal static class AuthorityEvaluator
{
    public static (RuleDecisions Decisions, RemedyAuthority Authority) Apply(AuthorityLimits limits, RuleDecisions decisions, Complaint complaint, List<AssessmentWarning> warnings)
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

        var count = decisions.Remedies.Count;
        Span<int> ranks = count <= 64 ? stackalloc int[count] : new int[count];
        var code = AuthorityLimits.CurrencyCode(complaint.Currency);
        for (var i = 0; i < count; i++)
        {
            ranks[i] = limits.DecideIn(decisions.Remedies[i].Remedy, decisions.Severity, complaint.Amount, code, explain: false).Rank;
        }

        var entry = limits.Cache.Get(decisions.Language, handler, decisions.Remedies, ranks, decisions.Steps,
            static (state, ranks) => Make(state.Limits, state.Decisions, ranks, state.Handler),
            (Limits: limits, Decisions: decisions, Handler: handler));
        return (decisions with { Remedies = entry.Remedies, Steps = entry.Steps }, entry.Split);
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
