using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

namespace ComplaintRules.Tests.Rules;

/// <summary>
/// Conditions a semi-trusted rule author could write to read files, run code, loop, allocate without bound or crash
/// the parser. Each must fail the load with a diagnostic naming the rule, quickly, and never take the process down.
/// Conditions that load but throw at run time must cost only their rule, never a complaint of a batch.
/// </summary>
public class HostileExpressionTests
{
    private const int StackBytes = 1024 * 1024; // the smallest default thread stack a host is likely to give (Windows)

    public static TheoryData<string, string> Hostile => new()
    {
        // Reflection through object members on the facts' values.
        { "assembly location from a string member", "Language.GetType().Assembly.Location != \"\"" },
        { "assembly location from the facts", "GetType().Assembly.Location != \"\"" },
        { "type name of a decimal member", "Amount.GetType().Name == \"Decimal\"" },
        { "methods of a type", "Channel.GetType().GetMethods().Length > 0" },
        { "reflection through it", "it.GetType().Name != \"\"" },
        { "reflection in the receiver of a string method", "Language.GetType().Assembly.Location.StartsWith(\"/\")" },
        { "reflection in the receiver of a negated string method", "!Channel.GetType().Name.Contains(\"x\")" },

        // Nesting that would exhaust the stack of Dynamic LINQ's recursive parser or of the tree walk.
        { "2,000 nested parentheses", new string('(', 1990) + "true" + new string(')', 1990) },
        { "4,000 negations", new string('!', 3990) + "true" },
        { "4,000 unary minus", new string('-', 3990) + "1 > 0" },
        { "1,000 'not' keywords", string.Concat(Enumerable.Repeat("not ", 995)) + "true" },
        { "1,000 additions in a chain", "Count(\"anger\") " + string.Concat(Enumerable.Repeat("+ 1 ", 990)) + "> 0" },
        { "500 conjunctions in a chain", "true " + string.Concat(Enumerable.Repeat("&& true ", 490)) },
        { "nested conditionals", string.Concat(Enumerable.Repeat("true ? ", 400)) + "true" + string.Concat(Enumerable.Repeat(" : false", 60)) },
        { "chained null coalescing", string.Concat(Enumerable.Repeat("Channel ?? ", 350)) + "\"\" == \"\"" },
        { "chained lambdas", string.Concat(Enumerable.Repeat("x => ", 790)) + "true" },

        // Unbounded work and memory.
        { "Enumerable.Range loop", "Enumerable.Range(0, 100000000).Any(x => x > 99999999)" },
        { "Enumerable.Repeat count", "Enumerable.Repeat(1, 100000000).Count() > 0" },
        { "LINQ over a string", "Language.Select(c => c).Count() > 0" },
        { "huge PadLeft", "\"x\".PadLeft(500000000).Length > 0" },
        { "huge PadRight on a member", "Language.PadRight(500000000) != \"\"" },
        { "backtracking regex", "Regex.IsMatch(Language, \"(a+)+$\")" },
        { "qualified regex", "System.Text.RegularExpressions.Regex.IsMatch(Channel, \"^(a|a)*$\")" },

        // Object creation and types.
        { "new object", "new object() != null" },
        { "anonymous object", "new(1 as a).a == 1" },
        { "typeof", "typeof(string) != null" },
        { "Type.GetType", "Type.GetType(\"System.IO.File\") != null" },
        { "Activator", "Activator.CreateInstance(\"System.Object\") != null" },

        // Static members of other types.
        { "System.IO.File", "System.IO.File.Exists(\"/etc/passwd\")" },
        { "File", "File.ReadAllText(\"/etc/passwd\") != \"\"" },
        { "Environment", "Environment.ProcessorCount > 0" },
        { "System.Environment exit", "System.Environment.Exit(1) == null" },
        { "Process", "System.Diagnostics.Process.Start(\"sh\") != null" },
        { "AppDomain", "AppDomain.CurrentDomain.FriendlyName != \"\"" },
        { "Convert", "Convert.ToInt32(\"1\") == 1" },
        { "Int32.Parse", "Int32.Parse(\"1\") == 1" },
        { "DateTime.Now", "DateTime.Now.Year > 0" },
        { "Guid.NewGuid", "Guid.NewGuid() != Guid.Empty" },

        // Lambdas, it, np.
        { "lambda", "\"abc\".Any(c => c == 'a')" },
        { "it in a lambda", "Language.Any(it == 'e')" },
        { "np on a member", "np(Language) == \"en\"" },
        { "np on a chain", "np(Language.Length) > 0" },

        // Other string and object members.
        { "string.Concat", "string.Concat(Language, Channel) == \"en\"" },
        { "String.Join", "String.Join(\",\", Language) != \"\"" },
        { "string Replace", "Language.Replace(\"e\", \"x\") == \"xn\"" },
        { "ToString on a string", "Language.ToString() == \"en\"" },
        { "ToString on a number", "Amount.ToString() == \"0\"" },
        { "object.Equals", "object.Equals(Language, Channel)" },
        { "Object.ReferenceEquals", "Object.ReferenceEquals(Language, Channel)" },
        { "GetHashCode", "Language.GetHashCode() != 0" },
        { "GetHashCode on the facts", "GetHashCode() != 0" },

        // Internals of the facts.
        { "internal signal counts", "SignalCounts[0] > 0" },
        { "internal threshold", "CauseThreshold > 0" },
        { "internal lookup", "IndexOf(\"anger\") >= 0" },

        // Size.
        { "5,000 characters", string.Concat(Enumerable.Repeat("Has(\"anger\") || ", 330)) + "true" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_condition_fails_the_load_with_a_diagnostic_for_its_rule(string description, string when)
    {
        var json = $$"""
            { "lexicons": { "anger": { "en": ["angry"] } },
              "rules": { "causes": [ { "id": "hostile", "when": {{JsonSerializer.Serialize(when)}}, "cause": "venting", "weight": 0.5 } ] } }
            """;
        IReadOnlyList<RuleDiagnostic>? diagnostics = null;
        Exception? crash = null;
        var stopwatch = Stopwatch.StartNew();

        // On a thread with a small stack, so that unbounded recursion would show here rather than depend on the host.
        var thread = new Thread(
            () =>
            {
                try
                {
                    diagnostics = ComplaintRuleSet.Validate(RuleSetSource.FromJson(json, "hostile.rules.json"));
                }
                catch (Exception ex)
                {
                    crash = ex;
                }
            },
            StackBytes);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)), $"{description}: validation did not finish");

        Assert.Null(crash);
        var d = Assert.Single(diagnostics!);
        Assert.Equal("hostile", d.RuleId);
        Assert.Equal("hostile.rules.json", d.File);
        Assert.Equal("$.rules.causes[0].when", d.Path);
        Assert.False(string.IsNullOrWhiteSpace(d.Message));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"{description}: took {stopwatch.Elapsed}");
        Assert.Throws<RuleSetException>(() => ComplaintRuleSet.Load(RuleSetSource.FromJson(json)));
    }

    // Each throws for every line of the batch below once the channel is "web", from line 150 on.
    public static TheoryData<string, string> ThrowAtRunTime => new()
    {
        { "division by a field that is 0", "Amount / PriorComplaints > 100" },
        { "division by the constant 0", "PriorComplaints / 0 > 0" },
        { "modulo by a difference that is 0", "Length % (Count(\"anger\") - Count(\"anger\")) == 1" },
        { "Math.Abs of the smallest int", "Math.Abs(PriorComplaints - 2147483647 - 1) > 0" },
        { "decimal overflow", "Amount * Amount > 0" },
        { "division by 0 after a signal", "Has(\"anger\") && 1 / 0 == 1" },
        { "Math.Round with 30 digits", "Math.Round(Amount, 30) > 0" },
        { "StartsWith(null)", "Channel.StartsWith(null)" },
        { "Attr(null)", "Attr(null) == \"x\"" },
        { "string.Compare out of range", "string.Compare(Channel, 5, Product, 0, 3) == 0" },
        { "int overflow", "2147483647 + Length < 0" },
    };

    [Theory]
    [MemberData(nameof(ThrowAtRunTime))]
    public async Task A_condition_that_throws_at_run_time_costs_its_rule_never_a_line_of_a_batch(string description, string when)
    {
        var rules = Path.Combine(Path.GetTempPath(), $"throws-{Guid.NewGuid():N}.rules.json");
        File.WriteAllText(rules, $$"""
            { "name": "throws", "version": "1",
              "rules": { "severity": [ { "id": "throws", "level": "critical", "when": {{JsonSerializer.Serialize($"Channel == \"web\" && ({when})")}} } ] } }
            """);
        var lines = Enumerable.Range(1, 200).Select(i => JsonSerializer.Serialize(new
        {
            id = $"c-{i}",
            text = "I am angry, you charged me twice",
            channel = i >= 150 ? "web" : "phone",
            amount = 79228162514264337593543950335m,
            priorComplaints = 0,
            product = "card",
            attributes = new Dictionary<string, string> { ["segment"] = "retail" },
        }));
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        int exit;
        try
        {
            exit = await AnalyzeCommand.RunAsync(new CliArguments(["analyze", "-", "--rules", rules, "--threads", "2"]),
                new StringReader(string.Join('\n', lines)), stdout, stderr);
        }
        finally
        {
            File.Delete(rules);
        }

        var output = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(exit == 0, $"{description}: exit {exit}, {stderr}");
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"c-{i}"), output.Select(o => o.GetProperty("id").GetString()));
        Assert.Equal("", stderr.ToString());
        // Each warning is written as {"code": …, "message": …}.
        (string Code, string Message)[] Warnings(int line) => [.. output[line - 1].GetProperty("warnings").EnumerateArray()
            .Select(w => (w.GetProperty("code").GetString()!, w.GetProperty("message").GetString()!))];
        Assert.DoesNotContain(Warnings(149), w => w.Code == WarningCodes.RuleFault);
        Assert.Contains(Warnings(150), w => w.Code == WarningCodes.RuleFault && w.Message.StartsWith("rule 'throws'", StringComparison.Ordinal));
        Assert.Contains(Warnings(200), w => w.Code == WarningCodes.RuleFault && w.Message.StartsWith("rule 'throws'", StringComparison.Ordinal));
        Assert.DoesNotContain(output, o => o.GetProperty("trace").EnumerateArray().Any(t => t.GetProperty("ruleId").GetString() == "throws"));
    }

    [Theory]
    [InlineData("Count(\"anger\") > 0 && Language == \"en\"")]
    [InlineData("Attr(\"segment\").Length > 2 || Channel.StartsWith(\"app\")")]
    [InlineData("Math.Max(Count(\"anger\"), Count(\"exclamation_mark\")) >= 2")]
    [InlineData("!!Has(\"anger\") && -Amount < 0")]
    [InlineData("iif(HasAmount, Amount > 100, false)")]
    [InlineData("Channel == \"a?b=>c(((\"")]
    public void The_allowed_rule_language_still_loads(string when)
    {
        var json = $$"""
            { "lexicons": { "anger": { "en": ["angry"] } },
              "rules": { "causes": [ { "id": "fine", "when": {{JsonSerializer.Serialize(when)}}, "cause": "venting", "weight": 0.5 } ] } }
            """;

        Assert.Empty(ComplaintRuleSet.Validate(RuleSetSource.FromJson(json)));
    }

    [Fact]
    public void A_long_but_shallow_condition_within_the_limits_loads()
    {
        var when = string.Join(" || ", Enumerable.Repeat("Has(\"anger\")", 120));

        Assert.InRange(when.Length, 1000, 4000);
        Assert.Empty(ComplaintRuleSet.Validate(RuleSetSource.FromJson(
            $$"""{ "lexicons": { "anger": { "en": ["angry"] } }, "rules": { "causes": [ { "id": "long", "when": "{{when.Replace("\"", "\\\"", StringComparison.Ordinal)}}", "cause": "venting", "weight": 0.5 } ] } }""")));
    }
}
