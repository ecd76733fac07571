using System.Reflection;
using System.Text.RegularExpressions;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Docs;

/// <summary>
/// Every warning the library can put on an assessment carries a code of <see cref="WarningCodes"/> that
/// docs/diagnostics.md lists: checked where warnings are made (the source) and where they arrive (assessments).
/// </summary>
public sealed partial class WarningCodesDocTests
{
    private static readonly HashSet<string> s_documented =
        [.. DocumentedRowRegex().Matches(File.ReadAllText(RepositoryFiles.PathOf("docs/diagnostics.md"))).Select(m => m.Groups[1].Value)];

    private static readonly Dictionary<string, string> s_constants = typeof(WarningCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_place_that_makes_a_warning_uses_a_documented_code_constant()
    {
        var sites = 0;
        foreach (var file in RepositoryFiles.Find("src", "*.cs"))
        {
            var source = File.ReadAllText(RepositoryFiles.PathOf(file));
            foreach (Match site in WarningSiteRegex().Matches(source))
            {
                sites++;
                var code = site.Groups["code"].Value;
                Assert.True(code.StartsWith("WarningCodes.", StringComparison.Ordinal), $"{file}: a warning made with '{code}', not a WarningCodes constant");
                Assert.True(s_constants.TryGetValue(code["WarningCodes.".Length..], out var value), $"{file}: no constant {code}");
                Assert.Contains(value, s_documented);
            }
        }

        Assert.True(sites >= s_constants.Count, $"found only {sites} places that make a warning");
    }

    [Fact]
    public void Every_warning_of_a_troublesome_complaint_has_a_documented_code()
    {
        var analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Default, new ComplaintAnalyzerOptions { MaxTextLength = 20, MaxEntries = 2 });
        var complaints = new[]
        {
            new Complaint { Id = "a", Text = "You charged me twice and I want a refund now!", Language = "fr", Regime = "XX-NOWHERE" },
            new Complaint { Id = "b", Text = "Refund me.", Regime = "CN-NFRA", CustomerTags = ["a", "b", "c"], Product = new string('p', 300) },
            new Complaint { Id = "c", Text = "Refund me.", Regime = "CN-NFRA", ReceivedAt = new DateTimeOffset(2019, 5, 1, 0, 0, 0, TimeSpan.Zero) },
            ComplaintJson.ParseComplaint("""{"id": "d", "text": "bad \ud800 text"}"""),
        };

        var warnings = complaints.SelectMany(c => analyzer.Analyze(c).Warnings).ToList();

        Assert.True(warnings.Count >= 6, string.Join("; ", warnings));
        Assert.All(warnings, w =>
        {
            Assert.Contains(w.Code, s_constants.Values);
            Assert.Contains(w.Code, s_documented);
            Assert.False(w.Message.StartsWith(w.Code, StringComparison.Ordinal), $"the message repeats its code: {w.Message}");
        });
    }

    // new AssessmentWarning(CODE, …) or WarningCodes.Format(CODE, …): the first argument is the code.
    [GeneratedRegex(@"(?:new AssessmentWarning|WarningCodes\.Format)\(\s*(?<code>[^,()]+),")]
    private static partial Regex WarningSiteRegex();

    [GeneratedRegex(@"^\| `(CR1[0-9]{3})` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedRowRegex();
}
