using System.Text;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Rules;

/// <summary>Loading, layering and validating rule files: every problem reported at once, where it is, in the author's terms.</summary>
public sealed class RuleSetLoaderTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("complaint-rules-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void The_embedded_default_rule_set_loads()
    {
        Assert.Empty(ComplaintRuleSet.Validate(RuleSetSource.Default));
        Assert.True(ComplaintRuleSet.Default.RuleCount > 0);
        Assert.NotEmpty(new ComplaintAnalyzer().Analyze(new Complaint { Id = "1", Text = "I want a refund!!!" }).Trace);
    }

    [Fact]
    public void A_test_rule_file_loads_with_its_name_version_and_rules()
    {
        var rules = Basic;

        Assert.Equal("test-basic", rules.Name);
        Assert.Equal("1.0.0", rules.Version);
        Assert.Equal(30, rules.RuleCount);
        Assert.Contains("c.expect", rules.RuleIds);
        Assert.Contains("refund", rules.Signals);
        Assert.Contains("exclamation_run", rules.Signals);
        Assert.Equal(PathOf("basic.rules.json"), Assert.Single(rules.Sources));
    }

    [Fact]
    public void Malformed_json_is_reported_at_the_offending_token()
    {
        var d = Assert.Single(Validate("Invalid/malformed.rules.json"));

        Assert.Equal(PathOf("Invalid/malformed.rules.json"), d.File);
        Assert.Equal(5, d.Line);
        Assert.Equal(ColumnOf("Invalid/malformed.rules.json", 5, "\"cause\""), d.Column);
        Assert.Null(d.RuleId);
        Assert.False(string.IsNullOrWhiteSpace(d.Message));
    }

    [Fact]
    public void An_unknown_member_is_reported_with_the_member_meant()
    {
        var d = Assert.Single(Validate("Invalid/unknown-member.rules.json"));

        Assert.Equal(5, d.Line);
        Assert.Contains("unknown member 'wieght'", d.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'weight'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_top_level_member_is_reported_with_the_member_meant()
    {
        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson("{ \"rule\": {} }")));

        Assert.Contains("did you mean 'rules'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_written_twice_is_reported_at_the_second_one()
    {
        // JSON readers keep the last of two members of one name, so the first "near" would vanish without a word.
        const string json = """
            {
              "lexicons": {
                "cue": { "negatable": false, "en": ["sold me"] },
                "unneeded": { "negatable": false, "en": ["didn't need"] },
                "misleading": {
                  "en": ["misled"],
                  "near": [{ "first": "cue", "then": "unneeded", "within": 6 }],
                  "near": [{ "first": "unneeded", "then": "cue", "within": 6 }]
                }
              }
            }
            """;

        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json, "twice.rules.json")));

        Assert.Equal(("twice.rules.json", 8, 7), (d.File, d.Line, d.Column));
        Assert.Contains("'near' is written twice", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lexicon_written_twice_is_reported_at_the_second_one()
    {
        const string json = """
            {
              "lexicons": {
                "refund_demand": { "en": ["refund"] },
                "refund_demand": { "en": ["money back"] }
              }
            }
            """;

        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json, "twice.rules.json")));

        Assert.Equal((4, 5), (d.Line, d.Column));
        Assert.Contains("'refund_demand' is written twice", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_with_its_path()
    {
        var d = Assert.Single(Validate("Invalid/wrong-type.rules.json"));

        Assert.Equal(5, d.Line);
        Assert.Contains("wrong type", d.Message, StringComparison.Ordinal);
        Assert.Contains("$.rules.causes[0].weight", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_in_one_file_is_reported_at_the_second_rule()
    {
        var d = Assert.Single(Validate("Invalid/duplicate-id.rules.json"));

        Assert.Equal("same", d.RuleId);
        Assert.Equal("$.rules.causes[1].id", d.Path);
        Assert.Equal(6, d.Line);
        Assert.Equal(ColumnOf("Invalid/duplicate-id.rules.json", 6, "\"same\""), d.Column);
        Assert.Contains("duplicate id", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_across_layers_names_the_earlier_file_and_the_way_out()
    {
        var diagnostics = Validate("basic.rules.json", "Invalid/duplicate-across.rules.json");

        var duplicate = Assert.Single(diagnostics, d => d.RuleId == "c.anger");
        Assert.Equal(PathOf("Invalid/duplicate-across.rules.json"), duplicate.File);
        Assert.Contains($"already defined in {PathOf("basic.rules.json")} line {LineOf("basic.rules.json", "\"c.anger\"")}", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("\"override\": true", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("\"disable\"", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disabling_an_unknown_id_is_reported_with_the_id_meant()
    {
        var diagnostics = Validate("basic.rules.json", "Invalid/duplicate-across.rules.json");

        var disable = Assert.Single(diagnostics, d => d.Path == "$.disable[0]");
        Assert.Contains("cannot disable 'r.explian'", disable.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'r.explain'?", disable.Message, StringComparison.Ordinal);
        Assert.Equal(4, disable.Line);
    }

    [Fact]
    public void A_later_layer_replaces_a_rule_with_override_disables_one_and_adds_one()
    {
        var layered = Load("basic.rules.json", "override.rules.json");

        Assert.Equal(Basic.RuleCount, layered.RuleCount); // one disabled, one added
        Assert.DoesNotContain("r.explain", layered.RuleIds);
        Assert.Contains("r.override.fix", layered.RuleIds);
        Assert.Equal(Basic.RuleIds.ToList().IndexOf("c.anger"), layered.RuleIds.ToList().IndexOf("c.anger")); // replaced in place

        var result = Analyze("I am angry, the app was slow.", layered);
        Assert.Equal(0.9, result.RootCauses.Single(c => c.Cause == RootCause.Venting).Score, 4);
        Assert.DoesNotContain(result.Remedies, r => r.Remedy == "explanation");
        Assert.Equal("r.override.fix", result.Remedies.Single(r => r.Remedy == "fix").RuleId); // priority 45 beats 40
    }

    [Fact]
    public void Override_without_an_earlier_rule_is_an_error()
    {
        const string json = """{ "rules": { "causes": [ { "id": "new", "override": true, "when": "true", "cause": "venting", "weight": 0.5 } ] } }""";

        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));

        Assert.Equal("new", d.RuleId);
        Assert.Contains("no earlier rule has this id", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Override_must_stay_in_its_decision()
    {
        const string json = """{ "rules": { "intensity": [ { "id": "c.anger", "override": true, "when": "true", "points": 1 } ] } }""";

        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromFile(PathOf("basic.rules.json")), RuleSetSource.FromJson(json)));

        Assert.Contains("an override must stay in its decision", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once_with_its_rule()
    {
        var diagnostics = Validate("Invalid/many-errors.rules.json");

        Assert.Equal(
            ["bad.cause", "bad.syntax", "bad.signal", "bad.stage", "bad.conflict", "bad.step", "bad.remedy"], // file order
            diagnostics.Select(d => d.RuleId));
        Assert.Contains("cause 'anger' is not one of: expectation, rights_claim, venting, none (not a complaint)", Message("bad.cause"), StringComparison.Ordinal);
        Assert.Contains("type 'pricing' is not one of", Message("bad.conflict"), StringComparison.Ordinal);
        Assert.Contains("step 'listening' is not one of", Message("bad.step"), StringComparison.Ordinal);
        Assert.Contains("remedy 'refnud' is not in the remedyCatalog; did you mean 'refund'?", Message("bad.remedy"), StringComparison.Ordinal);
        Assert.Contains("unknown signal 'angr'; did you mean 'anger'?", Message("bad.signal"), StringComparison.Ordinal);
        Assert.Contains("'Severity' is the outcome of the severity decision", Message("bad.stage"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Message("bad.syntax")));
        Assert.All(diagnostics, d => Assert.Equal(PathOf("Invalid/many-errors.rules.json"), d.File));

        string Message(string id) => diagnostics.Single(d => d.RuleId == id).Message;
    }

    [Fact]
    public void Loading_an_invalid_file_throws_with_every_diagnostic_and_never_returns_a_partial_rule_set()
    {
        var ex = Assert.Throws<RuleSetException>(() => Load("Invalid/many-errors.rules.json"));

        Assert.Equal(7, ex.Diagnostics.Count);
        Assert.All(ex.Diagnostics, d => Assert.Contains(d.ToString(), ex.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_expression_error_points_at_the_column_inside_the_condition()
    {
        var d = Validate("Invalid/many-errors.rules.json").Single(d => d.RuleId == "bad.signal");

        Assert.Equal(LineOf("Invalid/many-errors.rules.json", "bad.signal"), d.Line);
        Assert.Equal("$.rules.causes[2].when", d.Path);
        Assert.InRange(d.Column, ColumnOf("Invalid/many-errors.rules.json", d.Line, "\"Has("), ColumnOf("Invalid/many-errors.rules.json", d.Line, "angr\\\""));
    }

    [Theory]
    [InlineData("Intensity > 2", "causes")]
    [InlineData("Conflict == \"price\"", "causes")]
    [InlineData("SeverityLevel > 2", "causes")]
    public void A_rule_cannot_read_the_outcome_of_a_later_decision(string when, string decision)
    {
        var json = $$"""{ "rules": { "{{decision}}": [ { "id": "early", "when": {{System.Text.Json.JsonSerializer.Serialize(when)}}, "cause": "venting", "weight": 0.5 } ] } }""";

        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));

        Assert.Contains("is not made yet when causes rules run", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_can_read_the_outcome_of_an_earlier_decision()
    {
        const string json = """
            { "remedyCatalog": { "apology": { "outcomeClass": "relational" } },
              "rules": { "remedies": [ { "id": "late", "when": "PrimaryCause == \"none\" && Intensity == 0 && Conflict == \"other\" && SeverityLevel == 1 && CauseScore(\"venting\") == 0", "remedy": "apology" } ] } }
            """;

        Assert.Empty(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));
    }

    [Fact]
    public void A_utf16_file_is_rejected_with_advice()
    {
        var path = Path.Combine(_temp, "utf16.rules.json");
        File.WriteAllText(path, File.ReadAllText(PathOf("basic.rules.json")), Encoding.Unicode);

        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromFile(path)));

        Assert.Equal((path, 1, 1), (d.File, d.Line, d.Column));
        Assert.Contains("UTF-16", d.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_loads()
    {
        var path = Path.Combine(_temp, "bom.rules.json");
        File.WriteAllText(path, File.ReadAllText(PathOf("basic.rules.json")), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);

        var rules = ComplaintRuleSet.LoadFiles([path], includeDefault: false);

        Assert.Equal(Basic.RuleCount, rules.RuleCount);
    }

    [Fact]
    public void Errors_after_a_byte_order_mark_keep_their_columns()
    {
        var path = Path.Combine(_temp, "bom-error.rules.json");
        File.WriteAllText(path, File.ReadAllText(PathOf("Invalid/malformed.rules.json")), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromFile(path)));

        Assert.Equal((5, ColumnOf("Invalid/malformed.rules.json", 5, "\"cause\"")), (d.Line, d.Column));
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic()
    {
        var path = Path.Combine(_temp, "missing.rules.json");

        var d = Assert.Single(ComplaintRuleSet.Validate(RuleSetSource.FromFile(path)));

        Assert.Equal(path, d.File);
        Assert.Contains("does not exist", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_count_characters_not_bytes_after_chinese_text()
    {
        var d = Assert.Single(Validate("Invalid/chinese-syntax.rules.json"));

        Assert.Equal(2, d.Line);
        Assert.Equal(ColumnOf("Invalid/chinese-syntax.rules.json", 2, "oops"), d.Column);
    }

    [Fact]
    public void Expression_columns_count_characters_after_chinese_text_and_escaped_quotes()
    {
        var d = Assert.Single(Validate("Invalid/chinese-expression.rules.json"));

        Assert.Equal("中文", d.RuleId);
        Assert.Equal(4, d.Line);
        Assert.Contains("did you mean 'Count'?", d.Message, StringComparison.Ordinal);
        Assert.Equal(ColumnOf("Invalid/chinese-expression.rules.json", 4, "Cuont"), d.Column);
    }

    [Fact]
    public void A_diagnostic_formats_as_file_line_column_rule_and_message()
    {
        var withRule = new RuleDiagnostic("rules/a.json", 3, 14, "c.anger", "$.rules.causes[0].when", "unknown signal 'angr'") { Code = "CR0105" };
        var withoutRule = new RuleDiagnostic("rules/a.json", 1, 2, null, "$", "bad JSON") { Code = "CR0004" };
        var warning = new RuleDiagnostic("rules/a.json", 3, 14, "c.anger", "$.rules.causes[0].when", "unknown signal 'angr'")
        {
            Code = "CR0150",
            Severity = DiagnosticSeverity.Warning,
        };
        var withoutCode = new RuleDiagnostic("rules/a.json", 1, 2, null, "$", "bad JSON");

        Assert.Equal("rules/a.json:3:14: error CR0105: rule 'c.anger': unknown signal 'angr'", withRule.ToString());
        Assert.Equal("rules/a.json:1:2: error CR0004: bad JSON", withoutRule.ToString());
        Assert.Equal("rules/a.json:3:14: warning CR0150: rule 'c.anger': unknown signal 'angr'", warning.ToString());
        Assert.Equal("rules/a.json:1:2: error: bad JSON", withoutCode.ToString());

        var loaded = Validate("Invalid/duplicate-id.rules.json").Single();
        Assert.Equal($"{loaded.File}:{loaded.Line}:{loaded.Column}: error CR0101: rule 'same': {loaded.Message}", loaded.ToString());
    }

    [Theory]
    [InlineData("""{ "rules": { "causes": [ { "id": "w", "when": "true", "cause": "venting", "weight": 1.5 } ] } }""", "weight must be above 0 and at most 1")]
    [InlineData("""{ "rules": { "causes": [ { "id": "w", "when": "true", "cause": "venting" } ] } }""", "weight must be above 0 and at most 1 (missing)")]
    [InlineData("""{ "rules": { "intensity": [ { "id": "p", "when": "true", "points": 0 } ] } }""", "points must be a whole number from -4 to 4")]
    [InlineData("""{ "rules": { "intensity": [ { "id": "p", "when": "true", "points": 7 } ] } }""", "points must be a whole number from -4 to 4")]
    [InlineData("""{ "settings": { "causeThreshold": 2 } }""", "causeThreshold must be above 0 and at most 1")]
    [InlineData("""{ "lexicons": { "Bad-Name": { "en": ["x"] } } }""", "must be lower_snake_case")]
    [InlineData("""{ "lexicons": { "exclamation_run": { "en": ["x"] } } }""", "is a built-in marker")]
    [InlineData("""{ "lexicons": { "empty": { "en": ["  "] } } }""", "a phrase must not be empty")]
    [InlineData("""{ "remedyCatalog": { "refund": { "outcomeClass": "cash" } } }""", "outcomeClass 'cash' is not one of")]
    [InlineData("""{ "rules": { "severity": [ { "id": "s", "when": "true", "level": "high" } ] } }""", "level 'high' is not one of: minor, standard, serious, critical")]
    [InlineData("""{ "rules": { "steps": [ { "id": "s", "when": "true", "step": "listen" } ] } }""", "a step rule needs \"guidance\"")]
    [InlineData("""{ "rules": { "steps": [ { "id": "s", "when": "true", "step": "listen", "emphasis": "huge", "guidance": { "en": "x" } } ] } }""", "emphasis 'huge' is not one of: normal, extended")]
    [InlineData("""{ "rules": { "causes": [ { "id": "n", "cause": "venting", "weight": 0.5 } ] } }""", "the rule has no \"when\" condition")]
    [InlineData("""{ "rules": { "causes": [ { "when": "true", "cause": "venting", "weight": 0.5 } ] } }""", "the rule has no \"id\"")]
    [InlineData("""{ "rules": { "causes": [ { "id": "e", "when": " ", "cause": "venting", "weight": 0.5 } ] } }""", "the condition 'when' is empty")]
    [InlineData("""{ "rules": { "causes": [ { "id": "t", "when": "Count(\"exclamation_mark\")", "cause": "venting", "weight": 0.5 } ] } }""", "Expression of type 'Boolean' expected")]
    [InlineData("""{ "rules": { "causes": [ { "id": "u", "when": "Lenght > 3", "cause": "venting", "weight": 0.5 } ] } }""", "unknown name 'Lenght'; did you mean 'Length'?")]
    [InlineData("""{ "rules": { "severity": [ { "id": "c", "when": "HasCause(\"anger\")", "level": "serious" } ] } }""", "unknown cause 'anger'")]
    [InlineData("""{ "rules": { "remedies": [ { "id": "k", "when": "ConflictScore(\"pricing\") > 0", "remedy": "x" } ] } }""", "remedy 'x' is not in the remedyCatalog")]
    [InlineData("null", "the document is empty")]
    public void Invalid_values_are_reported_in_the_authors_terms(string json, string expected)
    {
        var diagnostics = ComplaintRuleSet.Validate(RuleSetSource.FromJson(json));

        Assert.Contains(diagnostics, d => d.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void No_source_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => ComplaintRuleSet.Load());
        Assert.Throws<ArgumentNullException>(() => ComplaintRuleSet.LoadFiles(null!));
        Assert.ThrowsAny<ArgumentException>(() => RuleSetSource.FromFile(" "));
    }

    [Fact]
    public void The_hash_tells_rule_set_contents_apart()
    {
        Assert.Equal(Basic.Hash, Load("basic.rules.json").Hash);
        Assert.NotEqual(Basic.Hash, Load("basic.rules.json", "override.rules.json").Hash);
    }

    private static int LineOf(string file, string text) =>
        File.ReadAllLines(PathOf(file)).Select((line, i) => (line, i)).First(p => p.line.Contains(text, StringComparison.Ordinal)).i + 1;

    // The 1-based column, in characters, of the first occurrence of text on a 1-based line.
    private static int ColumnOf(string file, int line, string text)
    {
        var column = File.ReadAllLines(PathOf(file))[line - 1].IndexOf(text, StringComparison.Ordinal);
        Assert.True(column >= 0, $"'{text}' is not on line {line} of {file}");
        return column + 1;
    }
}
