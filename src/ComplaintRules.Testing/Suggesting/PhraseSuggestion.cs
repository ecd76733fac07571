namespace ComplaintRules.Testing;

/// <summary>How <see cref="PhraseSuggester"/> mines.</summary>
public sealed record SuggestOptions
{
    /// <summary>Only complaints in this language (<c>zh</c> or <c>en</c>); <see langword="null"/> for both.</summary>
    public string? Language { get; init; }

    /// <summary>Most suggestions returned.</summary>
    public int Top { get; init; } = 20;

    /// <summary>Folds: phrases are chosen on the other folds and measured on the held-out one.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Seeds the assignment of complaints to folds.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Fewest complaints with the label that must contain a phrase, in the training folds, for it to be a candidate.</summary>
    public int MinSupport { get; init; } = 3;
}

/// <summary>A candidate phrase for a label, measured on held-out complaints only.</summary>
/// <param name="Phrase">The phrase: words for English, characters for Chinese, folded as the matcher folds text.</param>
/// <param name="Language"><c>en</c> or <c>zh</c>.</param>
/// <param name="Support">Held-out complaints containing it (summed over the folds in which it was a candidate).</param>
/// <param name="Positives">Of those, the ones with the label.</param>
/// <param name="Precision"><see cref="Positives"/> / <see cref="Support"/>.</param>
/// <param name="Lift">Precision over the label's share of the complaints.</param>
/// <param name="Folds">Folds in which it was chosen on the training part.</param>
/// <param name="Overlaps">Current lexicon phrases it contains or is part of, as <c>lexicon:phrase</c>.</param>
public sealed record PhraseSuggestion(string Phrase, string Language, int Support, int Positives, double Precision, double Lift, int Folds, IReadOnlyList<string> Overlaps);
