using System.Buffers;

namespace ComplaintRules.Features;

/// <summary>
/// Punctuation that ends a clause or a sentence, searchable two ways from one list: vectorised for long gaps, and as
/// the bits of a 64-bit mask for short ones (every character is below U+0040).
/// </summary>
internal sealed class BreakSet
{
    public BreakSet(string chars)
    {
        Values = SearchValues.Create(chars);
        foreach (var c in chars)
        {
            Mask |= c < 64 ? 1UL << c : throw new ArgumentException($"'{c}' is not below U+0040.", nameof(chars));
        }
    }

    public SearchValues<char> Values { get; }

    public ulong Mask { get; }

    /// <summary>
    /// Whether <paramref name="gap"/> holds one of the characters. A gap of up to 64 characters (most are) is tested one
    /// character at a time against the mask; the vectorised search only pays on longer ones, and its framework code is
    /// compiled anew (not ReadyToRun) on machines with wide vectors, so a short batch would run it unoptimised.
    /// </summary>
    public bool Any(ReadOnlySpan<char> gap)
    {
        if (gap.Length > 64)
        {
            return gap.ContainsAny(Values);
        }

        var mask = Mask; // a local: the loop reads no field
        foreach (var c in gap)
        {
            if (Holds(mask, c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether text[<paramref name="from"/>, <paramref name="to"/>) holds a break that is not a separator inside a
    /// number: the point of "£34.99", the comma of "1,500" and the colon of "12:30" end nothing.
    /// </summary>
    public bool AnyIn(ReadOnlySpan<char> text, int from, int to)
    {
        if (!Any(text[from..to]))
        {
            return false; // the common case, decided without looking at the neighbours
        }

        var mask = Mask;
        for (var i = from; i < to; i++)
        {
            if (Holds(mask, text[i]) && !IsNumberSeparator(text, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(ulong mask, char c) => c < 64 && ((mask >> c) & 1) != 0;

    private static bool IsNumberSeparator(ReadOnlySpan<char> text, int i) =>
        text[i] is '.' or ',' or ':' && i > 0 && i + 1 < text.Length && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]);
}
