using System.Globalization;
using ComplaintRules;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>The README's deadline example prints what the analyzer computes, so its sample output cannot drift from the data.</summary>
public class ReadmeDeadlineExampleTests
{
    [Fact]
    public void The_README_sample_output_is_what_the_example_prints()
    {
        var assessment = new ComplaintAnalyzer().Analyze(new Complaint
        {
            Id = "c-7",
            Text = "说好的免年费，结果还是扣了我300元年费！！",
            Regime = "CN-NFRA",
            ReceivedAt = new DateTimeOffset(2025, 9, 16, 10, 0, 0, TimeSpan.FromHours(8)),
            CustomerId = "cust-1029",
        });
        var readme = File.ReadAllText(FindReadme()).ReplaceLineEndings("\n");
        foreach (var deadline in assessment.Deadlines)
        {
            var line = $"{deadline.Kind,-14} {deadline.Due?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "from the decision",-22} {deadline.Condition}";
            Assert.Contains("\n" + line.TrimEnd() + "\n", readme, StringComparison.Ordinal); // the console keeps a trailing space the README does not
        }
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(path) && File.Exists(Path.Combine(dir.FullName, "ComplaintRules.sln")))
            {
                return path;
            }
        }

        throw new FileNotFoundException("README.md of the repository not found above the test directory.");
    }
}
