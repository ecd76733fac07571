using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;

namespace ComplaintRules;

/// <summary>
/// What the authority step makes for one complaint (each remedy with its granting role, the split, the steps with the
/// <c>propose</c> sentence) is a function of the language, the handler's rank, the remedy rules with their granting
/// ranks and the step rules, all of which repeat across a stream of complaints. So it is made once per distinct case
/// and shared (everything in it is immutable). Keys are looked up as spans: a hit allocates nothing. At most
/// <see cref="Capacity"/> cases are kept; after that, misses are made and not stored.
/// </summary>
internal sealed class AuthorityCache
{
    private const int Capacity = 4096;
    private const char Field = '\u001F';

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public AuthorityCache() => _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The remedies with their roles, the split, and the steps, shared by every complaint of the same case.</summary>
    internal sealed record Entry(IReadOnlyList<RemedyRecommendation> Remedies, RemedyAuthority Split, IReadOnlyList<StepGuidance> Steps);

    public Entry Get<TState>(string language, int handler, IReadOnlyList<RemedyRecommendation> remedies, ReadOnlySpan<int> ranks,
        IReadOnlyList<StepGuidance> steps, Func<TState, ReadOnlySpan<int>, Entry> make, TState state)
    {
        var buffer = ArrayPool<char>.Shared.Rent(512);
        try
        {
            var length = 0;
            Append(ref buffer, ref length, language);
            Append(ref buffer, ref length, handler);
            for (var i = 0; i < remedies.Count; i++)
            {
                Append(ref buffer, ref length, remedies[i].RuleId);
                Append(ref buffer, ref length, ranks[i]);
            }

            Append(ref buffer, ref length, "|");
            for (var i = 0; i < steps.Count; i++) // by index: no enumerator on the heap
            {
                Append(ref buffer, ref length, steps[i].RuleId);
            }

            var key = buffer.AsSpan(0, length);
            if (_lookup.TryGetValue(key, out var cached))
            {
                return cached;
            }

            var made = make(state, ranks);
            if (_cache.Count < Capacity)
            {
                _cache.TryAdd(key.ToString(), made);
            }

            return made;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void Append(ref char[] buffer, ref int length, int number)
    {
        Span<char> digits = stackalloc char[11];
        number.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        Append(ref buffer, ref length, digits[..written]);
    }

    private static void Append(ref char[] buffer, ref int length, ReadOnlySpan<char> part)
    {
        if (length + part.Length + 1 > buffer.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + part.Length + 1));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }

        part.CopyTo(buffer.AsSpan(length));
        length += part.Length;
        buffer[length++] = Field;
    }
}
