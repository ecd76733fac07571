namespace ComplaintRules.Rules;

// The JSON shape of the "authority" section: who may grant which remedy, up to which amount.

internal sealed class AuthorityDocument
{
    public string? Description { get; set; }

    /// <summary>Start afresh: earlier layers' roles, remedy entries and guidance are dropped (e.g. the default's examples).</summary>
    public bool? Replace { get; set; }

    /// <summary>The roles, lowest authority first; a later document that gives roles replaces the list whole.</summary>
    public List<AuthorityRoleDocument>? Roles { get; set; }

    /// <summary>Per remedy id of the catalogue; a later document replaces a remedy's entry whole.</summary>
    public Dictionary<string, RemedyAuthorityDocument>? Remedies { get; set; }

    public AuthorityGuidanceDocument? Guidance { get; set; }
}

internal sealed class AuthorityRoleDocument
{
    public string? Id { get; set; }

    public LocalizedText? Label { get; set; }
}

internal sealed class RemedyAuthorityDocument
{
    /// <summary>The lowest role that may grant the remedy at all.</summary>
    public string? GrantedBy { get; set; }

    /// <summary>Severity level → the lowest role that may grant it from that severity up (graded response).</summary>
    public Dictionary<string, string>? FromSeverity { get; set; }

    /// <summary>Currency (ISO 4217) → role → the largest amount that role may grant.</summary>
    public Dictionary<string, Dictionary<string, decimal>>? Caps { get; set; }
}

internal sealed class AuthorityGuidanceDocument
{
    public LocalizedText? OfferNow { get; set; }

    public LocalizedText? NeedsApproval { get; set; }

    public LocalizedText? ListSeparator { get; set; }
}
