using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using ComplaintRules.Features;
using ComplaintRules.Rules;
using ComplaintRules.Tests.Schema;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RulesEngine.ExpressionBuilders;

namespace ComplaintRules.Tests.Rules;

/// <summary>
/// The simple parser builds exactly the tree Dynamic LINQ builds for every condition it accepts, and leaves the rest
/// to Dynamic LINQ; it accepts nearly every shipped condition (which is what makes the default rule set load fast).
/// </summary>
public class SimpleConditionParserTests
{
    private static readonly RuleExpressionParser s_dynamicLinq = new(RuleExpressionCompiler.CreateSettings());

    public static TheoryData<string> ShippedRuleFiles() =>
        [.. RepositoryFiles.Find("src/ComplaintRules/DefaultRules", "*.rules.json")
            .Concat(RepositoryFiles.Find("docs", "*.rules.json"))
            .Concat(RepositoryFiles.Find("samples", "*.rules.json"))
            .Concat(RepositoryFiles.Find("tests", "*.rules.json"))];

    [Theory]
    [MemberData(nameof(ShippedRuleFiles))]
    public void Every_condition_it_accepts_parses_to_the_tree_Dynamic_LINQ_builds(string file)
    {
        foreach (var condition in Conditions(File.ReadAllBytes(RepositoryFiles.PathOf(file))))
        {
            AssertSameAsDynamicLinq(condition);
        }
    }

    // A refused condition goes to Dynamic LINQ and compiles at every load (2.9.0 once wrote "ConflictScore(...) == 0",
    // a double against a whole number: the default's warm load rose from 8 to 13 ms), so the default holds none.
    [Fact]
    public void It_accepts_every_condition_of_the_default_rule_set()
    {
        // As the loader sees them: Is("name") replaced by the named condition first.
        var conditions = RepositoryFiles.Find("src/ComplaintRules/DefaultRules", "*.rules.json")
            .SelectMany(f => Expanded(File.ReadAllBytes(RepositoryFiles.PathOf(f))))
            .ToList();

        var refused = conditions.Where(c => SimpleConditionParser.TryParse(c, RuleExpressionCompiler.FactsParameter) is null).ToList();

        Assert.True(refused.Count == 0, $"{refused.Count} of {conditions.Count} refused, e.g. {string.Join(" | ", refused.Take(5))}");
    }

    [Theory]
    [InlineData("Has(\"a\") && !Has(\"b\") || (Count(\"c\") >= 2 and Length < 280)")]
    [InlineData("not HasCause(\"venting\") or CauseScore(\"expectation\") > 0.5")]
    [InlineData("DemandCount(\"a\") + DemandCount(\"b\") * 2 - Count(\"c\") / 3 > 0")]
    [InlineData("Amount >= 10000 && Amount < 2.5 && Channel == \"phone\" && Product != \"card\"")]
    [InlineData("HasDemand && HasAmount && PriorComplaints % 2 == 1 && true")]
    [InlineData("Attr(\"segment\") == \"vip\" || HasTag(\"vip\")")]
    public void Everyday_conditions_are_accepted_and_equal_Dynamic_LINQ(string condition)
    {
        Assert.NotNull(SimpleConditionParser.TryParse(condition, RuleExpressionCompiler.FactsParameter));
        AssertSameAsDynamicLinq(condition);
    }

    [Theory]
    [InlineData("Cout(\"a\") > 0")]               // unknown name: Dynamic LINQ's diagnostic
    [InlineData("Count(\"a\\\"b\") > 0")]         // an escape
    [InlineData("Count(\"a\") > 1.5")]            // int against double: Dynamic LINQ's promotion
    [InlineData("CauseScore(\"venting\") > 1")]
    [InlineData("Count(\"a\") > 0 ? true : false")]
    [InlineData("Count(\"a\") = 1")]
    [InlineData("1 < Count(\"a\") < 3")]
    [InlineData("Count(\"a\")")]                  // not true or false
    [InlineData("Has(\"a\") &&")]
    [InlineData("99999999999 > Length")]
    [InlineData("-1 < Length")]
    [InlineData("Channel.Length > 2")]
    public void What_it_is_not_sure_of_is_left_to_Dynamic_LINQ(string condition) =>
        Assert.Null(SimpleConditionParser.TryParse(condition, RuleExpressionCompiler.FactsParameter));

    /// <summary>Conditions made of the accepted pieces (and a few others), with random spacing and brackets.</summary>
    public static class Generators
    {
        private static readonly string[] s_atoms =
        [
            "Has(\"a\")", "!Has(\"b\")", "HasDemand", "true", "not HasTag(\"x\")", "Count(\"a\") > 1", "Length <= 280",
            "Amount >= 100", "Amount < 1.25", "Channel == \"app\"", "CauseScore(\"venting\") >= 0.5", "Count(\"a\") + Negated(\"b\") * 3 != 2",
            "Intensity / 2 == 1", "Severity != \"minor\"", "Count(\"a\") > 1.5", "Has(\"a\") == true", "Count(\"a\") > -1",
        ];

        public static Arbitrary<string> Conditions() => Condition(3).ToArbitrary();

        private static Gen<string> Condition(int depth) =>
            depth == 0
                ? Gen.Elements(s_atoms)
                : Gen.OneOf(
                    Gen.Elements(s_atoms),
                    from left in Condition(depth - 1)
                    from op in Gen.Elements("&&", "||", " and ", " or ", "&&  ")
                    from right in Condition(depth - 1)
                    from bracket in ArbMap.Default.GeneratorFor<bool>()
                    select bracket ? $"({left}{op}{right})" : $"{left} {op} {right}",
                    from inner in Condition(depth - 1)
                    select $"!({inner})");
    }

    [Property(Arbitrary = new[] { typeof(Generators) }, MaxTest = 300)]
    public void Any_condition_it_accepts_equals_Dynamic_LINQ(string condition) => AssertSameAsDynamicLinq(condition);

    private static void AssertSameAsDynamicLinq(string condition)
    {
        var simple = SimpleConditionParser.TryParse(condition, RuleExpressionCompiler.FactsParameter);
        if (simple is null)
        {
            return;
        }

        var parsed = s_dynamicLinq.Parse(condition, [RuleExpressionCompiler.FactsParameter], typeof(bool));
        var expected = parsed is LambdaExpression lambda ? lambda.Body : parsed;
        Assert.Equal(Dump(expected), Dump(simple));
    }

    // Node types, types, methods, members and constants (with their types): what compiling and the allow-list walk read.
    private static string Dump(Expression node)
    {
        var text = new StringBuilder();
        Write(node);
        return text.ToString();

        void Write(Expression e)
        {
            text.Append(e.NodeType).Append(':').Append(e.Type.Name);
            switch (e)
            {
                case BinaryExpression b:
                    text.Append('[').Append(b.Method?.Name).Append("](");
                    Write(b.Left);
                    text.Append(", ");
                    Write(b.Right);
                    text.Append(')');
                    break;
                case UnaryExpression u:
                    text.Append('[').Append(u.Method?.Name).Append("](");
                    Write(u.Operand);
                    text.Append(')');
                    break;
                case MethodCallExpression m:
                    text.Append(' ').Append(m.Method.DeclaringType?.Name).Append('.').Append(m.Method.Name).Append('(');
                    if (m.Object is not null)
                    {
                        Write(m.Object);
                    }

                    foreach (var argument in m.Arguments)
                    {
                        text.Append(", ");
                        Write(argument);
                    }

                    text.Append(')');
                    break;
                case MemberExpression member:
                    text.Append(" .").Append(member.Member.Name).Append('(');
                    if (member.Expression is not null)
                    {
                        Write(member.Expression);
                    }

                    text.Append(')');
                    break;
                case ConstantExpression c:
                    text.Append(" =").Append(c.Value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : c.Value);
                    break;
                case ParameterExpression p:
                    text.Append(ReferenceEquals(p, RuleExpressionCompiler.FactsParameter) ? " facts" : " other");
                    break;
                default:
                    text.Append(" ?").Append(e);
                    break;
            }
        }
    }

    private static IEnumerable<string> Expanded(byte[] json)
    {
        var named = new NamedConditions();
        using (var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
        {
            if (document.RootElement.TryGetProperty("conditions", out var section))
            {
                foreach (var property in section.EnumerateObject())
                {
                    named.Set(property.Name, property.Value.GetProperty("when").GetString()!);
                }
            }
        }

        return Conditions(json).Select(c => named.Expand(c).Text);
    }

    private static List<string> Conditions(byte[] json)
    {
        var found = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return found; // the malformed files of the loader's tests
        }

        using (document)
        {
            Walk(document.RootElement);
        }

        return found;

        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "when" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        found.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Walk(property.Value);
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }
    }
}
