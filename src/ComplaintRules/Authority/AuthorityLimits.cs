using System.Globalization;
using ComplaintRules.Rules;

namespace ComplaintRules;

/// <summary>
/// Who may grant which remedy: the roles of the rule set's <c>authority</c> section, lowest authority first, and per
/// remedy the lowest role that may grant it, raised by severity and by monetary caps per currency.
/// Immutable and thread-safe, like the rule set it belongs to.
/// </summary>
/// <remarks>
/// <para>The role for a remedy is the highest of: its <c>grantedBy</c> role (the lowest role when the remedy is not
/// listed), the <c>fromSeverity</c> role of the complaint's severity, and — when the remedy has caps and the complaint
/// an <see cref="Complaint.Amount"/> — the lowest role whose cap in the complaint's currency covers the amount.</para>
/// <para>A role without a cap of its own may grant what the nearest capped role below it may (nothing, if none is
/// below it); a role above every capped role has no limit. So an amount above every cap goes to the lowest role
/// above the highest cap — the top role when every other role has a cap. An amount in a currency the remedy has no
/// caps for (or without a currency) goes to the top role: the staff cannot tell what they may offer.</para>
/// </remarks>
public sealed class AuthorityLimits
{
    private readonly Dictionary<string, int> _rank;
    private readonly Dictionary<string, RemedyGrant> _remedies;
    private readonly LocalizedText[] _labels;

    internal AuthorityLimits(string[] roles, LocalizedText[] labels, Dictionary<string, RemedyGrant> remedies,
        Dictionary<string, LocalizedText> remedyLabels, AuthorityGuidance guidance)
    {
        Roles = ReadOnlyLists.Of(roles);
        _labels = labels;
        _rank = new Dictionary<string, int>(roles.Length, StringComparer.Ordinal);
        for (var i = 0; i < roles.Length; i++)
        {
            _rank[roles[i]] = i;
        }

        _remedies = remedies;
        RemedyLabels = remedyLabels;
        Guidance = guidance;
    }

    /// <summary>The roles, lowest authority first, as the rule author named them (e.g. <c>agent</c>, <c>supervisor</c>).</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The role with the most authority: the last of <see cref="Roles"/>.</summary>
    public string TopRole => Roles[^1];

    internal Dictionary<string, LocalizedText> RemedyLabels { get; }

    internal AuthorityGuidance Guidance { get; }

    /// <summary>What the authority step makes, once per distinct case (see <see cref="AuthorityCache"/>).</summary>
    internal AuthorityCache Cache { get; } = new();

    /// <summary>The position of <paramref name="role"/> in <see cref="Roles"/> (0 is the lowest), or -1 when the rule set has no such role.</summary>
    /// <param name="role">A role id.</param>
    public int RankOf(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return _rank.TryGetValue(role.Trim(), out var rank) ? rank : -1;
    }

    /// <summary>The lowest role that may grant <paramref name="remedy"/> for a complaint of this severity and amount.</summary>
    /// <param name="remedy">The remedy id of the catalogue (e.g. <c>refund</c>).</param>
    /// <param name="severity">The complaint's severity.</param>
    /// <param name="amount">The amount at stake, or <see langword="null"/> when unknown (caps are then not applied).</param>
    /// <param name="currency">The ISO 4217 code of <paramref name="amount"/>.</param>
    /// <returns>One of <see cref="Roles"/>.</returns>
    public string RoleFor(string remedy, Severity severity, decimal? amount = null, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(remedy);
        return Roles[Decide(remedy, severity, amount, currency, explain: false).Rank];
    }

    /// <summary>
    /// Splits the remedies of <paramref name="assessment"/> into those <paramref name="handlerRole"/> may offer now and
    /// those that need a higher role's approval, from each remedy's <see cref="RemedyRecommendation.GrantedBy"/>.
    /// </summary>
    /// <param name="assessment">An assessment made with this rule set.</param>
    /// <param name="handlerRole">The role of whoever handles the complaint; one of <see cref="Roles"/>.</param>
    /// <returns>The split, each list in the assessment's order.</returns>
    /// <exception cref="ArgumentException"><paramref name="handlerRole"/> is not one of <see cref="Roles"/>.</exception>
    public RemedyAuthority Split(ComplaintAssessment assessment, string handlerRole)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(handlerRole);
        var rank = RankOf(handlerRole);
        if (rank < 0)
        {
            throw new ArgumentException($"Unknown role '{handlerRole}'. Expected one of: {string.Join(", ", Roles)}.", nameof(handlerRole));
        }

        return Split(assessment.Remedies, rank);
    }

    internal RemedyAuthority Split(IReadOnlyList<RemedyRecommendation> remedies, int handlerRank)
    {
        var now = new List<RemedyRecommendation>();
        var later = new List<RemedyRecommendation>();
        foreach (var remedy in remedies)
        {
            // A remedy without a role was recommended under another rule set; asking first is the safe side.
            var needed = remedy.GrantedBy is { } role ? RankOf(role) : -1;
            (needed >= 0 && needed <= handlerRank ? now : later).Add(remedy);
        }

        return new RemedyAuthority(Roles[handlerRank], ReadOnlyLists.Of(now), ReadOnlyLists.Of(later));
    }

    internal string RoleLabel(int rank, string language) => _labels[rank].For(language) is { Length: > 0 } label ? label : Roles[rank];

    /// <summary>The role's rank and, when <paramref name="explain"/>, why (for <c>explain</c>; English, for rule authors).</summary>
    internal (int Rank, string? Why) Decide(string remedy, Severity severity, decimal? amount, string? currency, bool explain) =>
        DecideIn(remedy, severity, amount, CurrencyCode(currency), explain);

    /// <summary>The currency as caps are keyed: trimmed, upper case; once per complaint, not per remedy.</summary>
    internal static string? CurrencyCode(string? currency) => currency?.Trim().ToUpperInvariant();

    /// <summary><see cref="Decide"/> with the currency already a <see cref="CurrencyCode"/>.</summary>
    internal (int Rank, string? Why) DecideIn(string remedy, Severity severity, decimal? amount, string? code, bool explain) =>
        DecideFor(GrantOf(remedy), severity, amount, code, explain);

    /// <summary>What the section says of <paramref name="remedy"/>, or <see langword="null"/> when it is not listed.</summary>
    internal RemedyGrant? GrantOf(string remedy) => _remedies.GetValueOrDefault(remedy);

    /// <summary><see cref="DecideIn"/> with the remedy's grant already looked up (<see cref="GrantOf"/>).</summary>
    internal (int Rank, string? Why) DecideFor(RemedyGrant? grant, Severity severity, decimal? amount, string? code, bool explain)
    {
        if (grant is null)
        {
            return (0, explain ? $"not listed under authority.remedies: {Roles[0]}, the lowest role" : null);
        }

        var rank = grant.MinRank;
        var why = explain ? new List<string> { $"granted by {Roles[rank]} and above" } : null;
        foreach (var (level, role) in grant.FromSeverity)
        {
            if (severity >= level && role > rank)
            {
                rank = role;
                why?.Add($"{severity.Name()} complaints need {Roles[role]}");
            }
        }

        if (grant.Caps.Count > 0 && amount is { } money)
        {
            money = Math.Abs(money);
            var shown = explain ? money.ToString(CultureInfo.InvariantCulture) + (code is null ? "" : " " + code) : ""; // read only by why
            if (code is null || !grant.Caps.TryGetValue(code, out var caps))
            {
                rank = Roles.Count - 1;
                why?.Add($"{shown}: no caps {(code is null ? "without a currency" : "in " + code)}, so {TopRole}");
            }
            else
            {
                var covered = -1;
                for (var r = rank; r < caps.Length && covered < 0; r++)
                {
                    if (caps[r] is not { } cap || money <= cap)
                    {
                        covered = r;
                    }
                }

                rank = covered < 0 ? Roles.Count - 1 : covered;
                why?.Add(covered < 0 ? $"{shown} is above every cap, so {TopRole}"
                    : caps[covered] is { } within ? $"{shown} is within the cap of {Roles[covered]} ({within.ToString(CultureInfo.InvariantCulture)})"
                    : $"{shown} is above the caps below {Roles[covered]}, which has none");
            }
        }

        return (rank, why is null ? null : string.Join("; ", why));
    }
}

/// <summary>The remedies of one assessment split by what the handler may grant.</summary>
public sealed class RemedyAuthority
{
    internal RemedyAuthority(string handlerRole, IReadOnlyList<RemedyRecommendation> offerNow, IReadOnlyList<RemedyRecommendation> needsApproval)
    {
        HandlerRole = handlerRole;
        OfferNow = offerNow;
        NeedsApproval = needsApproval;
    }

    /// <summary>The role they were split for.</summary>
    public string HandlerRole { get; }

    /// <summary>Remedies the handler may offer now.</summary>
    public IReadOnlyList<RemedyRecommendation> OfferNow { get; }

    /// <summary>Remedies that need a higher role's approval first (see <see cref="RemedyRecommendation.GrantedBy"/>).</summary>
    public IReadOnlyList<RemedyRecommendation> NeedsApproval { get; }
}

/// <summary>One remedy's limits, by rank. <see cref="Caps"/>: currency → the cap of each rank (null: no limit), already filled in for uncapped roles.</summary>
internal sealed record RemedyGrant(int MinRank, (Severity Level, int Rank)[] FromSeverity, Dictionary<string, decimal?[]> Caps);

/// <summary>The sentence templates of the propose step; <c>{remedies}</c> and <c>{role}</c> are filled in.</summary>
internal sealed record AuthorityGuidance(LocalizedText OfferNow, LocalizedText NeedsApproval, LocalizedText ListSeparator);
