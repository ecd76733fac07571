using System.Collections.Concurrent;

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

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public AuthorityCache() => _lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The remedies with their roles, the split, and the steps, shared by every complaint of the same case.</summary>
    internal sealed record Entry(IReadOnlyList<RemedyRecommendation> Remedies, RemedyAuthority Split, IReadOnlyList<StepGuidance> Steps);

    private static int s_nextKey;

    /// <summary>A new key for a shared recommendation or step: an assessment's case is then a short string of them.</summary>
    public static int NextKey() => Interlocked.Increment(ref s_nextKey);

    /// <summary>
    /// The case's key, written into <paramref name="buffer"/> (at least <see cref="KeyLength"/> characters): the language,
    /// the handler's rank, each remedy's key with its granting rank, and each step's key.
    /// </summary>
    /// <remarks>
    /// Fixed-width fields (two characters a number), so no two cases share a string: the recommendations and steps are
    /// the rules' shared instances, each named by its key, and a key stands for its rule, text and language.
    /// </remarks>
    public static ReadOnlySpan<char> Key(Span<char> buffer, string language, int handler, ReadOnlySpan<int> remedies, ReadOnlySpan<int> ranks,
        ReadOnlySpan<int> steps)
    {
        var key = buffer[..KeyLength(remedies.Length, steps.Length)];
        key[0] = language == "zh" ? 'z' : 'e';
        key[1] = (char)remedies.Length;
        var at = 2;
        Put(key, ref at, handler);
        for (var i = 0; i < remedies.Length; i++)
        {
            Put(key, ref at, remedies[i]);
            Put(key, ref at, ranks[i]);
        }

        foreach (var step in steps)
        {
            Put(key, ref at, step);
        }

        return key;
    }

    /// <summary>The length of a case's <see cref="Key"/>.</summary>
    public static int KeyLength(int remedies, int steps) => 4 + (remedies * 4) + (steps * 2);

    public bool TryGet(ReadOnlySpan<char> key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Entry entry) => _lookup.TryGetValue(key, out entry);

    /// <summary>Keeps a case just made, while there is room.</summary>
    public void Add(ReadOnlySpan<char> key, Entry made)
    {
        if (_cache.Count < Capacity)
        {
            _cache.TryAdd(key.ToString(), made);
        }
    }

    private static void Put(Span<char> key, ref int at, int value)
    {
        key[at++] = (char)value;
        key[at++] = (char)(value >> 16);
    }
}
