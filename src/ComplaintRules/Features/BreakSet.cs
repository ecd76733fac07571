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
}
