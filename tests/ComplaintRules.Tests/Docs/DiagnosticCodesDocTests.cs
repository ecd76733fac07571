using System.Reflection;
using System.Text.RegularExpressions;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Docs;

/// <summary>docs/diagnostics.md lists every code of <see cref="DiagnosticCodes"/> and <see cref="WarningCodes"/>, and no other.</summary>
public partial class DiagnosticCodesDocTests
{
    private static readonly string s_doc = File.ReadAllText(RepositoryFiles.PathOf("docs/diagnostics.md"));

    private static string[] Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    private static string[] AllCodes => [.. Constants(typeof(DiagnosticCodes)), .. Constants(typeof(WarningCodes))];

    // A code's own row: "| `CR0104` | …".
    private static HashSet<string> DocumentedCodes() =>
        [.. RowCodeRegex().Matches(s_doc).Select(m => m.Groups[1].Value)];

    [Fact]
    public void Every_code_constant_has_a_row_in_the_doc()
    {
        var documented = DocumentedCodes();

        Assert.All(AllCodes, c => Assert.Contains(c, documented));
    }

    [Fact]
    public void Every_code_in_the_doc_exists()
    {
        var known = AllCodes.ToHashSet();

        Assert.Empty(CodeRegex().Matches(s_doc).Select(m => m.Value).Where(c => !known.Contains(c)).Distinct());
    }

    [Fact]
    public void Codes_are_unique_and_documented_once()
    {
        Assert.Equal(AllCodes.Length, AllCodes.Distinct().Count());
        Assert.Equal(AllCodes.Length, RowCodeRegex().Count(s_doc));
    }

    [Fact]
    public void Load_codes_are_CR0xxx_and_assessment_codes_CR1xxx()
    {
        Assert.All(Constants(typeof(DiagnosticCodes)), c => Assert.Matches("^CR0[0-9]{3}$", c));
        Assert.All(Constants(typeof(WarningCodes)), c => Assert.Matches("^CR1[0-9]{3}$", c));
    }

    [GeneratedRegex(@"^\| `(CR[0-9]{4})` \|", RegexOptions.Multiline)]
    private static partial Regex RowCodeRegex();

    [GeneratedRegex(@"\bCR[0-9]{4}\b")]
    private static partial Regex CodeRegex();
}
