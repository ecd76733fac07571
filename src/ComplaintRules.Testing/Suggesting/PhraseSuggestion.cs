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
public sealed class PhraseSuggestion
{
    internal PhraseSuggestion(string phrase, string language, int support, int positives, double precision,
        double lift, int folds, IReadOnlyList<string> overlaps)
    {
        Phrase = phrase;
        Language = language;
        Support = support;
        Positives = positives;
        Precision = precision;
        Lift = lift;
        Folds = folds;
        Overlaps = overlaps;
    }

    /// <summary>The phrase: words for English, characters for Chinese, folded as the matcher folds text.</summary>
    public string Phrase { get; }

    /// <summary><c>en</c> or <c>zh</c>.</summary>
    public string Language { get; }

    /// <summary>Held-out complaints containing it (summed over the folds in which it was a candidate).</summary>
    public int Support { get; }

    /// <summary>Of those, the ones with the label.</summary>
    public int Positives { get; }

    /// <summary><see cref="Positives"/> / <see cref="Support"/>.</summary>
    public double Precision { get; }

    /// <summary>Precision over the label's share of the complaints.</summary>
    public double Lift { get; }

    /// <summary>Folds in which it was chosen on the training part.</summary>
    public int Folds { get; }

    /// <summary>Current lexicon phrases it contains or is part of, as <c>lexicon:phrase</c>.</summary>
    public IReadOnlyList<string> Overlaps { get; }
}
