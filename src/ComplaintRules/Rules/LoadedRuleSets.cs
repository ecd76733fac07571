using System.Security.Cryptography;

namespace ComplaintRules.Rules;

/// <summary>
/// The rule sets loaded lately in this process, by the bytes of their documents: loading the same documents again
/// (the default rule set, a reload of an unchanged file, a test suite that loads the default in every test) reuses the
/// compiled rules and lexicon automaton, which are immutable, instead of compiling them again.
/// </summary>
/// <remarks>
/// Only loads without errors are kept, as weak references, a few at a time: the cache never keeps a rule set alive
/// nor holds more than <see cref="Capacity"/> entries, so hostile or ever-changing rule files cannot grow it. Each load
/// still reads every document and gets its own <see cref="ComplaintRuleSet"/> (its own load time and fault counts).
/// </remarks>
internal static class LoadedRuleSets
{
    public const int Capacity = 8;

    private static readonly Lock s_lock = new();
    private static readonly List<(string Key, WeakReference<ComplaintRuleSet> RuleSet)> s_entries = [];

    /// <summary>
    /// A digest of the documents in order with their names (warnings name the file), or <see langword="null"/> when one
    /// could not be read (its diagnostic comes from loading).
    /// </summary>
    public static string? KeyOf(List<(RuleSetSource Source, byte[]? Bytes, Exception? Error)> layers)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var (source, bytes, _) in layers)
        {
            if (bytes is null)
            {
                return null;
            }

            // Lengths first, so that moving bytes from one part to the next changes the key.
            var name = System.Text.Encoding.UTF8.GetBytes(source.Name);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, name.Length);
            hash.AppendData(length);
            hash.AppendData(name);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The key of the embedded default alone: its documents are part of this assembly, so a name will do (no digest of
    /// its 250 KB); <see langword="null"/> when one could not be read.
    /// </summary>
    public static string? DefaultKeyOf(List<(RuleSetSource Source, byte[]? Bytes, Exception? Error)> layers)
    {
        foreach (var (_, bytes, _) in layers)
        {
            if (bytes is null)
            {
                return null;
            }
        }

        return "embedded default"; // never a digest's hex
    }

    public static bool TryGet(string key, out ComplaintRuleSet ruleSet)
    {
        lock (s_lock)
        {
            for (var i = s_entries.Count - 1; i >= 0; i--)
            {
                if (s_entries[i].Key != key)
                {
                    continue;
                }

                if (s_entries[i].RuleSet.TryGetTarget(out var found))
                {
                    ruleSet = found;
                    return true;
                }

                s_entries.RemoveAt(i);
            }
        }

        ruleSet = null!;
        return false;
    }

    /// <summary>Forgets every entry (benchmarks that measure the whole load).</summary>
    public static void Clear()
    {
        lock (s_lock)
        {
            s_entries.Clear();
        }
    }

    public static void Add(string key, ComplaintRuleSet ruleSet)
    {
        lock (s_lock)
        {
            s_entries.RemoveAll(e => e.Key == key || !e.RuleSet.TryGetTarget(out _));
            if (s_entries.Count == Capacity)
            {
                s_entries.RemoveAt(0); // the oldest
            }

            s_entries.Add((key, new WeakReference<ComplaintRuleSet>(ruleSet)));
        }
    }
}
