namespace ComplaintRules;

/// <summary>
/// Something the caller should know about how a complaint was analysed: a stable <see cref="Code"/> of
/// <see cref="WarningCodes"/> to filter, count and alert on, and a <see cref="Message"/> for people.
/// </summary>
/// <remarks>Immutable. JSON output writes it as <c>{"code": "CR1002", "message": "…"}</c>.</remarks>
public sealed class AssessmentWarning
{
    /// <summary>Creates a warning, e.g. an intake warning for <see cref="Complaint.IntakeWarnings"/>.</summary>
    /// <param name="code">The code, one of <see cref="WarningCodes"/>.</param>
    /// <param name="message">What happened, for people; may be reworded between versions.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is null or empty.</exception>
    public AssessmentWarning(string code, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Code = code;
        Message = message;
    }

    /// <summary>The stable code (<c>CR1xxx</c>, a constant of <see cref="WarningCodes"/>).</summary>
    public string Code { get; }

    /// <summary>What happened and what it cost, for people; not meant to be parsed.</summary>
    public string Message { get; }

    /// <summary>The warning as one line: <c>CR1002: product truncated …</c>.</summary>
    public override string ToString() => $"{Code}: {Message}";
}
