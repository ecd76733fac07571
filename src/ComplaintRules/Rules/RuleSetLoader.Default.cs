using System.Security.Cryptography;
using ComplaintRules.Features;

namespace ComplaintRules.Rules;

// The embedded default loaded alone (new ComplaintAnalyzer(), ComplaintRuleSet.Default): its documents are part of
// this assembly and its tests load it eagerly without a problem, so what a fresh process may never need (the regimes,
// the hash) is built or worked out on first use. Files layered over it are loaded as any others.
internal sealed partial class RuleSetLoader
{
    internal const string DefaultAutomatonResource = "ComplaintRules.DefaultRules.default.automaton";

    private static readonly Lazy<string> s_defaultHash = new(HashOfDefault);

    /// <summary>The default with every section built now and never reused from an earlier load: what its tests check.</summary>
    internal static (ComplaintRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics) LoadDefaultEagerly()
    {
        var (ruleSet, diagnostics, _) = TryLoadDetailed([RuleSetSource.Default], deferDefaultParts: false);
        return (ruleSet, diagnostics);
    }

    private static string HashOf(IncrementalHash? hash) =>
        hash is null ? Convert.ToHexStringLower(SHA256.HashData([]))[..16] : Convert.ToHexStringLower(hash.GetHashAndReset())[..16];

    // The default's documents are part of this assembly: their hash (read by telemetry only) is worked out when first
    // asked for, as a load works it out (each document after its byte-order mark, in layer order). A fresh process
    // then needs no SHA-256, whose first use costs a few milliseconds.
    private static string HashOfDefault()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in (RuleSetSource[])[RuleSetSource.Default, .. RuleSetSource.DefaultCompanions])
        {
            var bytes = source.Read();
            hash.AppendData(bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes.AsSpan(3) : bytes);
        }

        return HashOf(hash);
    }

    // The default's phrase automaton, written ahead of time (DefaultRules/default.automaton): used only when the
    // default's phrases are exactly those it was written from, so changed lexicons cost a build, never a wrong match. A
    // change in how automata are built is caught by the test that writes it afresh and compares. Null when none is embedded.
    private static byte[]? DefaultAutomaton()
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream(DefaultAutomatonResource);
        if (stream is null)
        {
            return null;
        }

        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The snapshot of the default's phrase automaton as this library would write it now.</summary>
    internal static byte[] WriteDefaultAutomaton()
    {
        var loader = new RuleSetLoader();
        foreach (var (source, bytes, error) in ReadLayers([RuleSetSource.Default]))
        {
            loader.AddLayer(source, bytes, error);
        }

        return FeatureExtractor.WriteAutomaton(loader.Phrases(loader.Signals()));
    }

    private static bool IsDefaultOnly(IReadOnlyList<RuleSetSource> sources) =>
        sources.Count == 1 && ReferenceEquals(sources[0], RuleSetSource.Default);
}
