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

    public Entry Get<TState>(string language, int handler, IReadOnlyList<RemedyRecommendation> remedies, ReadOnlySpan<int> ranks,
        IReadOnlyList<StepGuidance> steps, Func<TState, ReadOnlySpan<int>, Entry> make, TState state)
    {
        // Fixed-width fields (two characters a number), so no two cases share a string: the recommendations and steps
        // are the rules' shared instances, each named by its key, and a key stands for its rule, text and language.
        var length = 4 + (remedies.Count * 4) + (steps.Count * 2);
        Span<char> key = length <= 256 ? stackalloc char[length] : new char[length];
        key[0] = language == "zh" ? 'z' : 'e';
        key[1] = (char)remedies.Count;
        var at = 2;
        Put(key, ref at, handler);
        for (var i = 0; i < remedies.Count; i++)
        {
            Put(key, ref at, remedies[i].CacheKey);
            Put(key, ref at, ranks[i]);
        }

        for (var i = 0; i < steps.Count; i++) // by index: no enumerator on the heap
        {
            Put(key, ref at, steps[i].CacheKey);
        }

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

    private static void Put(Span<char> key, ref int at, int value)
    {
        key[at++] = (char)value;
        key[at++] = (char)(value >> 16);
    }
}
