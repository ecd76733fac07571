namespace ComplaintRules.Rules;

/// <summary>
/// The embedded tone lexicons (<c>DefaultRules/tone.rules.json</c>), layered right after the embedded default rules
/// wherever <see cref="RuleSetSource.Default"/> is used. Kept apart because they are data derived from a published
/// sentiment lexicon (see THIRD-PARTY-NOTICES.md) and run to thousands of words.
/// </summary>
internal static class DefaultTone
{
    public const string ResourceName = "ComplaintRules.DefaultRules.tone.rules.json";

    private static readonly Lazy<RuleSetSource> s_source = new(() =>
    {
        using var stream = typeof(DefaultTone).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded tone lexicons '{ResourceName}' are missing.");
        return RuleSetSource.FromStream(stream, "tone.rules.json");
    });

    public static RuleSetSource Source => s_source.Value;
}
