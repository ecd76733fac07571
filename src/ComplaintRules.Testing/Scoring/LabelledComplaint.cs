namespace ComplaintRules.Testing;

/// <summary>One complaint of a labelled file, with what a person decided about it.</summary>
public sealed record LabelledComplaint
{
    /// <summary>The complaint, as <c>analyze</c> reads it.</summary>
    public required Complaint Complaint { get; init; }

    /// <summary>The labels; every one is optional.</summary>
    public required ScoreExpectations Expect { get; init; }

    /// <summary>The 1-based line of the file it came from (0 when it was built in code).</summary>
    public int Line { get; init; }
}

/// <summary>
/// The labels of one complaint. Each metric is computed over the complaints that carry its label, so a file with
/// only a category column still gives a conflict-type score.
/// </summary>
public sealed record ScoreExpectations
{
    /// <summary>The main cause, or <see cref="RootCause.None"/> for a text that is not a complaint.</summary>
    public RootCause? PrimaryCause { get; init; }

    /// <summary>
    /// Causes judged present (<see langword="true"/>) or absent (<see langword="false"/>). A <c>causes</c> list in the
    /// file names every cause present and marks the others absent; a cause missing here is not scored.
    /// </summary>
    public IReadOnlyDictionary<RootCause, bool> Causes { get; init; } = new Dictionary<RootCause, bool>();

    /// <summary>The main conflict type.</summary>
    public ConflictType? ConflictType { get; init; }

    /// <summary>The business severity.</summary>
    public Severity? Severity { get; init; }

    /// <summary>The emotional intensity, 0–4.</summary>
    public int? Intensity { get; init; }

    /// <summary>The outcome class of the remedy given (scored against the first explanation, non-monetary or monetary remedy).</summary>
    public OutcomeClass? RemedyClass { get; init; }

    /// <summary>Whether the text is a complaint at all (scored against <c>primaryCause != none</c>).</summary>
    public bool? IsComplaint { get; init; }

    /// <summary>Whether no label is given.</summary>
    public bool IsEmpty => PrimaryCause is null && Causes.Count == 0 && ConflictType is null && Severity is null && Intensity is null
        && RemedyClass is null && IsComplaint is null;
}
