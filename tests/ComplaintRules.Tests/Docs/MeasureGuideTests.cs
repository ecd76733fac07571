using ComplaintRules.Testing;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Docs;

/// <summary>The files docs/measure-and-improve.md works with read cleanly and load.</summary>
public class MeasureGuideTests
{
    [Fact]
    public void The_labelled_sample_reads_without_a_bad_line_and_labels_every_decision()
    {
        using var reader = File.OpenText(RepositoryFiles.PathOf("samples/labelled.jsonl"));

        var content = LabelledComplaintFile.Read(reader);

        Assert.Empty(content.Errors);
        Assert.Equal(52, content.Complaints.Count);
        Assert.All(content.Complaints, c => Assert.True(c.Expect.PrimaryCause is not null && c.Expect.Causes.Count == 3 && c.Expect.ConflictType is not null
            && c.Expect.Severity is not null && c.Expect.Intensity is not null && c.Expect.RemedyClass is not null, c.Complaint.Id));
        Assert.Contains(content.Complaints, c => c.Complaint.Language == "zh");
        Assert.Contains(content.Complaints, c => c.Complaint.Language == "en");
    }

    [Fact]
    public void The_helpdesk_export_is_scored_through_its_map()
    {
        using var reader = File.OpenText(RepositoryFiles.PathOf("samples/helpdesk-export.jsonl"));

        var content = LabelledComplaintFile.Read(reader, LabelMap.Load(RepositoryFiles.PathOf("samples/helpdesk.map.json")));

        Assert.Empty(content.Errors);
        Assert.Equal(6, content.Complaints.Count);
        Assert.Equal(5, content.Complaints.Count(c => c.Expect.ConflictType is not null)); // "咨询" is not in the map's values
        Assert.Equal("HD-1001", content.Complaints[0].Complaint.Id);
        Assert.Equal(OutcomeClass.Monetary, content.Complaints[0].Expect.RemedyClass);
    }

    [Fact]
    public void The_worked_example_layer_loads_over_the_default_rule_set()
    {
        Assert.Empty(ComplaintRuleSet.Validate(RuleSetSource.Default, RuleSetSource.FromFile(RepositoryFiles.PathOf("docs/examples/measure/never-opened.rules.json"))));
    }

    public static TheoryData<string> EvalMaps => [.. RepositoryFiles.Find("eval/maps", "*.map.json")];

    [Theory]
    [MemberData(nameof(EvalMaps))]
    public void Every_map_of_the_development_harness_parses(string file)
    {
        LabelMap.Load(RepositoryFiles.PathOf(file));
    }
}
