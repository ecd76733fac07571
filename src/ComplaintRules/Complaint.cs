namespace ComplaintRules;

/// <summary>One customer complaint: free text plus the facts an intake form or a host knows about it.</summary>
/// <remarks>Only <see cref="Id"/> and <see cref="Text"/> are required; every other property may be left unset.</remarks>
public sealed record Complaint
{
    /// <summary>The host's identifier for the complaint; echoed in the assessment.</summary>
    public required string Id { get; init; }

    /// <summary>The complaint as the customer wrote or said it.</summary>
    public required string Text { get; init; }

    /// <summary><c>zh</c> or <c>en</c>; detected from the text when <see langword="null"/>.</summary>
    public string? Language { get; init; }

    /// <summary>Where the complaint arrived (e.g. <c>phone</c>, <c>branch</c>, <c>app</c>, <c>social</c>).</summary>
    public string? Channel { get; init; }

    /// <summary>When the complaint was received.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The product or service the complaint is about (e.g. <c>credit_card</c>).</summary>
    public string? Product { get; init; }

    /// <summary>The amount of money at stake, in <see cref="Currency"/>.</summary>
    public decimal? Amount { get; init; }

    /// <summary>ISO 4217 code of <see cref="Amount"/> (e.g. <c>CNY</c>, <c>USD</c>).</summary>
    public string? Currency { get; init; }

    /// <summary>Tags the host keeps on the customer (e.g. <c>vulnerable</c>, <c>vip</c>, <c>elderly</c>).</summary>
    public IReadOnlyList<string>? CustomerTags { get; init; }

    /// <summary>How many complaints the customer made before this one.</summary>
    public int? PriorComplaints { get; init; }

    /// <summary>The customer's own answer to "what do you want us to do", when the intake form asks.</summary>
    public string? CustomerDemand { get; init; }

    /// <summary>The regulatory regime that applies (e.g. <c>CN-NFRA</c>, <c>US-CFPB</c>, <c>UK-FCA</c>).</summary>
    public string? Regime { get; init; }

    /// <summary>
    /// When the customer received the firm's decision on the complaint, once the host knows it: deadlines counted
    /// from the decision (e.g. CN-NFRA's review request) then get a due date. <see langword="null"/> at triage.
    /// </summary>
    public DateTimeOffset? DecisionReceivedAt { get; init; }

    /// <summary>
    /// The host's identifier for the customer, so <see cref="ComplaintMonitor"/> can tell repeat complaints of one
    /// customer apart; use a pseudonymous id, never a name or an account number.
    /// </summary>
    public string? CustomerId { get; init; }

    /// <summary>
    /// The role of whoever handles the complaint (one of the rule set's <c>authority</c> roles, e.g. <c>agent</c>):
    /// the assessment's <see cref="ComplaintAssessment.Authority"/> says what this role may offer now and what needs
    /// approval. The lowest role when <see langword="null"/>.
    /// </summary>
    public string? HandlerRole { get; init; }

    /// <summary>Host-specific facts that rules may read with <c>Attr("name")</c>.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>
    /// What whoever read the complaint changed on the way (e.g. <see cref="WarningCodes.CharactersReplaced"/> when
    /// invalid characters became U+FFFD); the analyzer copies them to <see cref="ComplaintAssessment.Warnings"/>.
    /// Not read from or written to JSON.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<AssessmentWarning>? IntakeWarnings { get; init; }

    /// <summary>This complaint with one more <see cref="IntakeWarnings"/> entry.</summary>
    internal Complaint WithIntakeWarning(AssessmentWarning warning) => this with { IntakeWarnings = [.. IntakeWarnings ?? [], warning] };
}
