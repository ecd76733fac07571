using System.Text;

namespace ComplaintRules.Tests.Rules;

/// <summary>
/// The documents after the first are read on another core while the first is read. Whatever a document is, it must
/// be reported the same as when it comes first (read on the loading thread): the same diagnostics, file, line and
/// column, and the same rules when it loads.
/// </summary>
public class RuleSetReadAheadTests
{
    private const string Valid = """
        { "lexicons": { "late_fee": { "en": ["late fee", "penalty charge"] } },
          "rules": { "severity": [ { "id": "s.late", "level": "serious", "when": "Count(\"late_fee\") > 1" } ] } }
        """;

    private const string Other = """
        { "lexicons": { "rude": { "en": ["rude", "shouted at me"] } },
          "rules": { "intensity": [ { "id": "i.rude", "points": 1, "when": "Has(\"rude\")" } ] } }
        """;

    public static TheoryData<string, byte[]> Documents => new()
    {
        { "valid", Encoding.UTF8.GetBytes(Valid) },
        { "byte order mark", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Valid)] },
        { "unknown member", Encoding.UTF8.GetBytes(Valid.Replace("\"level\"", "\"levle\"", StringComparison.Ordinal)) },
        { "wrong type", Encoding.UTF8.GetBytes(Valid.Replace("\"serious\"", "3", StringComparison.Ordinal)) },
        { "syntax error", Encoding.UTF8.GetBytes(Valid[..^10]) },
        { "bad condition", Encoding.UTF8.GetBytes(Valid.Replace("Count(", "Cout(", StringComparison.Ordinal)) },
        { "utf-16", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Valid)] },
        { "empty", [] },
        { "alerts", Encoding.UTF8.GetBytes(Valid.Replace("\"lexicons\"", "\"alerts\": [], \"lexicons\"", StringComparison.Ordinal)) },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_later_document_is_reported_and_loaded_as_it_would_be_first(string what, byte[] bytes)
    {
        var other = RuleSetSource.FromJson(Other, "other.rules.json");

        var later = RuleSetSource.FromStream(new MemoryStream(bytes), "doc.rules.json");
        var first = RuleSetSource.FromStream(new MemoryStream(bytes), "doc.rules.json");
        var asLater = ComplaintRuleSet.Validate(other, later);
        var asFirst = ComplaintRuleSet.Validate(first, other);

        Assert.Equal(Describe(asFirst), Describe(asLater));
        if (asLater.Count == 0)
        {
            Assert.Equal(
                ComplaintRuleSet.Load(first, other).RuleIds.Order(StringComparer.Ordinal),
                ComplaintRuleSet.Load(other, later).RuleIds.Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.NotEqual("valid", what);
        }
    }

    [Fact]
    public void The_default_with_a_file_over_it_loads_the_file_read_ahead()
    {
        var rules = ComplaintRuleSet.Load(RuleSetSource.Default, RuleSetSource.FromJson(Valid, "late.rules.json"));

        Assert.Contains("s.late", rules.RuleIds);
        Assert.Contains("late_fee", rules.Signals);
    }

    private static List<string> Describe(IReadOnlyList<RuleDiagnostic> diagnostics) =>
        [.. diagnostics.Select(d => $"{d.Code} {d.File}:{d.Line}:{d.Column} {d.RuleId} {d.Path} {d.Message}").Order(StringComparer.Ordinal)];
}
