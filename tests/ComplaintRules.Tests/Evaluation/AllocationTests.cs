using System.Text;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Evaluation;

/// <summary>
/// Bytes allocated per typical complaint with the default rule set: deterministic, so pinned here (time is a
/// benchmark, never a test). The typical complaints are the benchmarks' (about 350 characters, joined from
/// benchmarks/ComplaintRules.Benchmarks/Data). The bounds leave room for the default rules to grow a little; a change
/// that allocates per rule or per occurrence again fails here. The authority step (granting roles, the split, the
/// propose sentence) is made once per distinct case and shared, so it adds almost nothing once warm.
/// </summary>
public class AllocationTests
{
    [Theory]
    [InlineData("en", 2_048)] // 1,889 bytes measured with default rules 2.6.0 (2,105 before Performance 8 left the steps and remedies unmade when the authority cache has their case)
    [InlineData("zh", 3_456)] // 3,217 bytes measured (3,521 before); the target is 4 KB
    public void A_typical_complaint_allocates_at_most(string language, long bound)
    {
        var analyzer = new ComplaintAnalyzer(ComplaintRuleSet.Default);
        var complaint = new Complaint
        {
            Id = "bench-1",
            Text = TypicalText(language),
            Channel = "app",
            Product = "credit_card",
            Amount = 235m,
            Currency = "CNY",
            PriorComplaints = 1,
        };
        for (var i = 0; i < 50; i++)
        {
            analyzer.Analyze(complaint); // per-thread scratch and per-rule caches are built once
        }

        const int Runs = 100;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Runs; i++)
        {
            analyzer.Analyze(complaint);
        }

        var perComplaint = (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;

        Assert.True(perComplaint <= bound, $"{language}-typical allocates {perComplaint} bytes per complaint; the bound is {bound}");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public void Writing_its_full_json_allocates_no_evidence(string language)
    {
        // 136 bytes measured (the writer and its state); 2,152 (en) and 7,312 (zh) while evidence records were built to be written.
        var assessment = new ComplaintAnalyzer(ComplaintRuleSet.Default).Analyze(new Complaint { Id = "bench-1", Text = TypicalText(language) });
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(32_768);
        var options = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        void Write()
        {
            buffer.ResetWrittenCount();
            using var writer = new System.Text.Json.Utf8JsonWriter(buffer, options);
            ComplaintJson.Write(writer, assessment, AssessmentJsonProfile.Full);
        }

        for (var i = 0; i < 20; i++)
        {
            Write();
        }

        const int Runs = 50;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Runs; i++)
        {
            Write();
        }

        var perWrite = (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;

        Assert.True(assessment.RootCauses.Sum(c => c.Evidence.Count) > 3, "the sample has evidence to write");
        Assert.True(perWrite <= 512, $"writing a {language}-typical assessment allocates {perWrite} bytes; the bound is 512");
    }

    // As the benchmarks build it: whole sentences in order until 350 characters.
    private static string TypicalText(string language)
    {
        var sentences = File.ReadAllText(RepositoryFiles.PathOf($"benchmarks/ComplaintRules.Benchmarks/Data/complaints.{language}.txt"))
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .ToArray();
        var text = new StringBuilder();
        for (var i = 0; text.Length < 350; i++)
        {
            if (text.Length > 0 && language == "en")
            {
                text.Append(' ');
            }

            text.Append(sentences[i % sentences.Length]);
        }

        return text.ToString();
    }
}
