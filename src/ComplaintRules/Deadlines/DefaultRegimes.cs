namespace ComplaintRules.Deadlines;

/// <summary>
/// The embedded regimes and calendars (<c>DefaultRules/regimes.rules.json</c>), layered right after the embedded
/// default rules wherever <see cref="RuleSetSource.Default"/> is used. Kept in their own file because they change on
/// a different rhythm (holiday notices each year, regulation amendments) from the triage rules.
/// </summary>
internal static class DefaultRegimes
{
    public const string ResourceName = "ComplaintRules.DefaultRules.regimes.rules.json";

    private static readonly Lazy<RuleSetSource> s_source = new(() =>
    {
        using var stream = typeof(DefaultRegimes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded regimes '{ResourceName}' are missing.");
        return RuleSetSource.FromStream(stream, "regimes.rules.json");
    });

    public static RuleSetSource Source => s_source.Value;
}
