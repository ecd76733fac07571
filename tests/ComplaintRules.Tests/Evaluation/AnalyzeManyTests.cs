using System.Runtime.CompilerServices;

namespace ComplaintRules.Tests.Evaluation;

public class AnalyzeManyTests
{
    private static readonly ComplaintAnalyzer s_analyzer = new();

    [Fact]
    public async Task Yields_every_assessment_in_input_order_and_equal_to_one_by_one_analysis()
    {
        var complaints = Enumerable.Range(0, 500)
            .Select(i => new Complaint { Id = $"c-{i}", Text = i % 3 == 0 ? "说好的免年费，结果扣了年费！我要退款。" : $"Complaint {i}: you charged me twice and nobody answers." })
            .ToList();

        var results = new List<ComplaintAssessment>();
        await foreach (var assessment in s_analyzer.AnalyzeManyAsync(Stream(complaints), degreeOfParallelism: 2))
        {
            results.Add(assessment);
        }

        Assert.Equal(complaints.Select(c => c.Id), results.Select(r => r.Id));
        Assert.Equal(ComplaintJson.Serialize(s_analyzer.Analyze(complaints[3])), ComplaintJson.Serialize(results[3]));
    }

    [Fact]
    public async Task A_complaint_without_text_stops_the_stream_with_an_argument_exception()
    {
        var complaints = new[] { new Complaint { Id = "ok", Text = "slow" }, new Complaint { Id = "bad", Text = null! } };

        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in s_analyzer.AnalyzeManyAsync(Stream(complaints)))
            {
            }
        });
    }

    [Fact]
    public void Degree_of_parallelism_below_one_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => s_analyzer.AnalyzeManyAsync(Stream([]), degreeOfParallelism: 0));

        Assert.Equal("degreeOfParallelism", error.ParamName);
    }

    private static async IAsyncEnumerable<Complaint> Stream(IEnumerable<Complaint> complaints, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var complaint in complaints)
        {
            await Task.Yield();
            yield return complaint;
        }
    }
}
