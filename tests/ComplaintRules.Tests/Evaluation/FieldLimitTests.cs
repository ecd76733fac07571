using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>Every string field of a complaint has a limit: over it, the field is analysed up to the limit, with a warning.</summary>
public sealed class FieldLimitTests
{
    private static readonly ComplaintRuleSet s_reads = ComplaintRuleSet.Load(RuleSetSource.FromJson("""
        { "name": "reads", "version": "1",
          "rules": { "severity": [
            { "id": "contains", "level": "serious", "when": "Product.Contains(Channel)" },
            { "id": "fields", "level": "standard", "when": "Currency != \"\" || Regime != \"\" || Attr(\"k\") != \"\" || HasTag(\"t\")" } ] } }
        """));

    [Fact]
    public void A_four_megabyte_product_is_read_up_to_the_limit_with_a_warning()
    {
        var huge = new string('a', 4 << 20);
        var complaint = new Complaint { Id = "p", Text = "hello", Product = huge, Channel = huge[..(2 << 20)] + "b" };
        var analyzer = new ComplaintAnalyzer(s_reads);

        var explanation = analyzer.Explain(complaint);

        Assert.Contains(explanation.Assessment.Warnings, w => w.Code == WarningCodes.FieldTruncated && w.Message == $"product truncated from {4 << 20} to 256 characters (MaxFieldLength)");
        Assert.Contains(explanation.Assessment.Warnings, w => w.Code == WarningCodes.FieldTruncated && w.Message == $"channel truncated from {(2 << 20) + 1} to 256 characters (MaxFieldLength)");
        var reads = explanation.Rules.Single(r => r.RuleId == "contains").Reads;
        Assert.All(reads, read => Assert.InRange(read.Value.Length, 0, 256 + 2)); // the rule saw at most 256 characters, in quotes
        Assert.Equal("p", explanation.Assessment.Id);
    }

    [Fact]
    public void Tags_and_attributes_are_capped_in_number_and_length()
    {
        var complaint = new Complaint
        {
            Id = "t",
            Text = "hello",
            CustomerTags = [.. Enumerable.Range(0, 100).Select(i => $"tag-{i}"), new string('t', 300)],
            Attributes = Enumerable.Range(0, 10).ToDictionary(i => i == 0 ? new string('k', 300) : $"k{i}", i => i == 1 ? new string('v', 5000) : "v"),
            CustomerDemand = new string('d', 20_000),
            Currency = new string('c', 1000),
        };
        var options = new ComplaintAnalyzerOptions { MaxEntries = 5 };

        var warnings = new ComplaintAnalyzer(s_reads, options).Analyze(complaint).Warnings;

        Assert.Contains(warnings, w => w.Code == WarningCodes.EntriesDropped && w.Message == "customerTags has 101 entries; the first 5 were used (MaxEntries)");
        Assert.Contains(warnings, w => w.Code == WarningCodes.EntriesDropped && w.Message == "attributes has 10 entries; the first 5 were used (MaxEntries)");
        Assert.Contains(warnings, w => w.Code == WarningCodes.FieldTruncated && w.Message == "1 attribute name(s) truncated to 256 characters (MaxFieldLength)");
        Assert.Contains(warnings, w => w.Code == WarningCodes.FieldTruncated && w.Message == "1 attribute value(s) truncated to 1000 characters (MaxAttributeValueLength)");
        Assert.Contains(warnings, w => w.Code == WarningCodes.FieldTruncated && w.Message == "customerDemand truncated from 20000 to 10000 characters (MaxDemandLength)");
        Assert.Contains(warnings, w => w.Code == WarningCodes.FieldTruncated && w.Message == "currency truncated from 1000 to 256 characters (MaxFieldLength)");
    }

    [Fact]
    public void A_field_is_never_cut_inside_a_surrogate_pair()
    {
        var product = new string('a', 255) + "\U0001F600";

        var explanation = new ComplaintAnalyzer(s_reads).Explain(new Complaint { Id = "s", Text = "x", Product = product });

        Assert.Contains(explanation.Assessment.Warnings, w => w.Code == WarningCodes.FieldTruncated && w.Message == $"product truncated from 257 to 255 characters (MaxFieldLength)");
    }

    [Fact]
    public void Limits_below_one_are_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ComplaintAnalyzer(s_reads, new ComplaintAnalyzerOptions { MaxFieldLength = 0 }));

        Assert.Equal("MaxFieldLength", error.ParamName);
    }

    [Property(MaxTest = 100)]
    public void Whatever_the_field_lengths_every_value_a_rule_reads_is_within_its_limit(PositiveInt channel, PositiveInt product, PositiveInt attribute)
    {
        var complaint = new Complaint
        {
            Id = "g",
            Text = "hello",
            Channel = new string('c', channel.Get % 2000),
            Product = new string('p', product.Get % 2000),
            Attributes = new Dictionary<string, string> { ["k"] = new string('v', attribute.Get % 3000) },
        };
        var options = new ComplaintAnalyzerOptions { MaxFieldLength = 100, MaxAttributeValueLength = 200 };

        var explanation = new ComplaintAnalyzer(s_reads, options).Explain(complaint);

        foreach (var read in explanation.Rules.SelectMany(r => r.Reads))
        {
            Assert.InRange(read.Value.Length, 0, (read.Name.StartsWith("Attr", StringComparison.Ordinal) ? 200 : 100) + 2);
        }

        var over = (channel.Get % 2000 > 100 ? 1 : 0) + (product.Get % 2000 > 100 ? 1 : 0) + (attribute.Get % 3000 > 200 ? 1 : 0);
        Assert.Equal(over, explanation.Assessment.Warnings.Count(w => w.Code == WarningCodes.FieldTruncated));
    }
}
