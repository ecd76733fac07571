using System.Reflection;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Rules;

/// <summary>Every load diagnostic carries a stable code of <see cref="DiagnosticCodes"/> and a severity.</summary>
public sealed class DiagnosticCodeTests
{
    private static readonly HashSet<string> s_codes =
    [
        .. typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!),
    ];

    public static TheoryData<string> InvalidFiles =>
        [.. Directory.GetFiles(PathOf("Invalid"), "*.rules.json").Select(f => "Invalid/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Every_diagnostic_of_an_invalid_file_has_a_known_code_and_is_an_error(string file)
    {
        var diagnostics = Validate(file);

        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d =>
        {
            Assert.Contains(d.Code, s_codes);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.False(d.IsWarning);
        });
    }

    [Theory]
    [InlineData("""{ "rules": { "causes": [ { "id": "a", "when": "true", "cause": "venting", "weight": 0.5 } ] """, DiagnosticCodes.JsonSyntax)]
    [InlineData("""{ "rules": { "causes": [ { "id": "a", "wehn": "true", "cause": "venting", "weight": 0.5 } ] } }""", DiagnosticCodes.UnknownMember)]
    [InlineData("""{ "rules": { "causes": [ { "id": "a", "when": "true", "cause": "venting", "weight": "high" } ] } }""", DiagnosticCodes.WrongType)]
    [InlineData("""{ "rules": { "causes": [ { "id": "a", "cause": "venting", "weight": 0.5 } ] } }""", DiagnosticCodes.MissingCondition)]
    [InlineData("""{ "rules": { "causes": [ { "id": "a", "when": "Count(\"x\") > ", "cause": "venting", "weight": 0.5 } ] } }""", DiagnosticCodes.BadCondition)]
    [InlineData("""{ "rules": { "causes": [ { "id": "a", "when": "Has(\"no_such_signal\")", "cause": "venting", "weight": 0.5 } ] } }""", DiagnosticCodes.UnknownName)]
    [InlineData("""{ "rules": { "causes": [ { "id": "a", "when": "Amout > 5", "cause": "venting", "weight": 0.5 } ] } }""", DiagnosticCodes.UnknownName)]
    [InlineData("""{ "rules": { "causes": [ { "id": "a", "when": "Channel.GetType() != null", "cause": "venting", "weight": 0.5 } ] } }""", DiagnosticCodes.DisallowedMember)]
    [InlineData("""{ "rules": { "causes": [ { "id": "a", "when": "true", "cause": "anger", "weight": 0.5 } ] } }""", DiagnosticCodes.InvalidRuleField)]
    [InlineData("""{ "rules": { "causes": [ { "when": "true", "cause": "venting", "weight": 0.5 } ] } }""", DiagnosticCodes.InvalidRule)]
    [InlineData("""{ "settings": { "causeThreshold": 2 } }""", DiagnosticCodes.InvalidSetting)]
    [InlineData("""{ "lexicons": { "Bad-Name": { "en": ["x"] } } }""", DiagnosticCodes.InvalidLexicon)]
    [InlineData("""{ "lexicons": { "a": { "near": [ { "first": "nope", "then": "a2", "within": 3 } ] }, "a2": { "en": ["y"] } } }""", DiagnosticCodes.UnknownNearLexicon)]
    [InlineData("""{ "disable": [ "no.such.rule" ] }""", DiagnosticCodes.UnknownDisabledRule)]
    [InlineData("""{ "regimes": { "XX-TEST": { "name": "x", "timeZone": "Mars/Olympus_Mons", "basis": ["b"], "validFrom": "2024-01-01", "deadlines": [] } } }""", DiagnosticCodes.InvalidRegime)]
    public void A_problem_gets_the_code_of_its_kind(string json, string code)
    {
        var diagnostics = ComplaintRuleSet.Validate(RuleSetSource.FromJson(json));

        Assert.Contains(code, diagnostics.Select(d => d.Code));
        Assert.All(diagnostics, d => Assert.Contains($"error {d.Code}: ", d.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Two_rules_with_one_id_are_a_duplicate()
    {
        var d = Assert.Single(Validate("Invalid/duplicate-id.rules.json"));

        Assert.Equal(DiagnosticCodes.DuplicateId, d.Code);
    }

    [Fact]
    public void A_condition_that_can_throw_is_a_warning_with_its_code()
    {
        const string json = """{ "rules": { "severity": [ { "id": "div.x", "level": "serious", "when": "PriorComplaints / 0 > 0" } ] } }""";

        var warning = Assert.Single(ComplaintRuleSet.Load(RuleSetSource.FromJson(json)).Warnings);

        Assert.Equal(DiagnosticCodes.ConditionMayFail, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.True(warning.IsWarning);
        var asError = new RuleDiagnostic(warning.File, warning.Line, warning.Column, warning.RuleId, warning.Path, warning.Message) { IsWarning = false };
        Assert.Equal(DiagnosticSeverity.Error, asError.Severity);
    }
}
