using ComplaintRules.Testing;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.DefaultRules;

/// <summary>The default tie-break is what eval/train-tiebreak.sh makes of the probe sets, and training is deterministic.</summary>
public sealed class TieBreakTrainingTests
{
    // As eval/train-tiebreak.sh passes them.
    private static readonly TieBreakOptions s_scriptOptions = new()
    {
        MinCount = 15,
        Weight = 0.05,
        Scale = 5,
        Detect = 8,
        Leads = new Dictionary<RootCause, double> { [RootCause.Expectation] = 7, [RootCause.Venting] = 7 },
        TrainedOn = "eval/probes: complaints written for ComplaintRules and labelled by their writers (eval/train-tiebreak.sh)",
    };

    private static List<LabelledComplaint> Probes() =>
    [
        .. RepositoryFiles.Find("eval/probes", "*.jsonl", SearchOption.TopDirectoryOnly).SelectMany(file =>
        {
            using var reader = new StreamReader(RepositoryFiles.PathOf(file));
            var content = LabelledComplaintFile.Read(reader);
            Assert.Empty(content.Errors);
            return content.Complaints;
        }),
    ];

    [Fact]
    public void The_shipped_table_is_what_the_script_makes_of_the_probe_sets()
    {
        var layer = TieBreakTrainer.Train(Probes(), s_scriptOptions);

        Assert.Equal(File.ReadAllText(RepositoryFiles.PathOf("src/ComplaintRules/DefaultRules/tiebreak.rules.json")), layer.Json);
    }

    [Fact]
    public void The_order_of_the_complaints_does_not_matter()
    {
        var probes = Probes();
        var options = s_scriptOptions with { MinCount = 40 };

        var forward = TieBreakTrainer.Train(probes, options);
        probes.Reverse();
        var backward = TieBreakTrainer.Train(probes, options);

        Assert.Equal(forward.Json, backward.Json);
        Assert.True(forward.EnglishGrams > 100 && forward.ChineseGrams > 100);
    }

    [Fact]
    public void A_gram_that_marks_one_cause_weighs_towards_it()
    {
        var rows = Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            Row($"refund me now {i}", RootCause.RightsClaim),
            Row($"you promised it {i}", RootCause.Expectation),
            Row($"no text {i}", RootCause.None),
        });

        var layer = TieBreakTrainer.Train(rows, new TieBreakOptions { MinCount = 5 });
        var set = ComplaintRuleSet.Load(RuleSetSource.FromJson(layer.Json));

        using var json = System.Text.Json.JsonDocument.Parse(layer.Json);
        var refund = json.RootElement.GetProperty("tieBreak").GetProperty("en").GetProperty("refund").EnumerateArray().Select(w => w.GetDouble()).ToArray();
        Assert.Equal(30, layer.Rows);
        Assert.True(refund[1] > 1 && refund[0] < -1 && refund[1] > refund[2], string.Join(", ", refund)); // towards rights claim, away from expectation
        Assert.NotNull(set.TieBreak);
    }

    [Fact]
    public void With_detect_each_gram_also_weighs_towards_a_complaint()
    {
        var rows = Enumerable.Range(0, 10).SelectMany(i => new[]
        {
            Row($"still not here {i}", RootCause.Expectation),
            Row($"thanks a lot {i}", RootCause.None),
        });

        var layer = TieBreakTrainer.Train(rows, new TieBreakOptions { MinCount = 5, Detect = 3 });
        var table = ComplaintRuleSet.Load(RuleSetSource.FromJson(layer.Json)).TieBreak;

        using var json = System.Text.Json.JsonDocument.Parse(layer.Json);
        var section = json.RootElement.GetProperty("tieBreak");
        double Complaint(string gram) => section.GetProperty("en").GetProperty(gram)[3].GetDouble();
        Assert.Equal(3, section.GetProperty("detect").GetDouble());
        Assert.True(Complaint("still") > 1 && Complaint("thanks") < -1, $"{Complaint("still")}, {Complaint("thanks")}");
        Assert.Equal(3, table!.Detect);
    }

    [Fact]
    public void With_leads_the_section_gives_them_in_the_order_of_the_causes()
    {
        var rows = Enumerable.Range(0, 10).Select(i => Row($"still not here {i}", RootCause.Expectation));

        var leads = new Dictionary<RootCause, double> { [RootCause.Venting] = 2.5, [RootCause.Expectation] = 6 };
        var layer = TieBreakTrainer.Train(rows, new TieBreakOptions { MinCount = 5, Leads = leads });

        Assert.Contains("\"leads\": { \"expectation\": 6, \"venting\": 2.5 }", layer.Json, StringComparison.Ordinal);
        var table = ComplaintRuleSet.Load(RuleSetSource.FromJson(layer.Json)).TieBreak!;
        Assert.Equal((6, null, 2.5), (table.LeadOf(RootCause.Expectation), table.LeadOf(RootCause.RightsClaim), table.LeadOf(RootCause.Venting)));
    }

    private static LabelledComplaint Row(string text, RootCause primary) =>
        new() { Complaint = new Complaint { Id = text, Text = text, Language = "en" }, Expect = new ScoreExpectations { PrimaryCause = primary } };
}
