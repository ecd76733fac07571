using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ComplaintRules;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>The README's deadline example and docs/deadlines.md tell the truth about the data and its tests.</summary>
public class DeadlineDocsTests
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
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        foreach (var deadline in assessment.Deadlines)
        {
            var line = $"{deadline.Kind,-14} {deadline.Due?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? "from the decision",-22} {deadline.Condition}";
            Assert.Contains("\n" + line.TrimEnd() + "\n", readme, StringComparison.Ordinal); // the console keeps a trailing space the README does not
        }
    }

    [Fact]
    public void Every_test_the_deadline_guide_names_exists()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "deadlines.md"));
        var tests = typeof(RegulatoryFactTests).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var named = Regex.Matches(guide, "`((?:CN|US|UK|GB)_[A-Za-z0-9_]+)`").Select(m => m.Groups[1].Value).ToList();
        Assert.True(named.Count >= 15, $"only {named.Count} tests named");
        Assert.All(named, name => Assert.Contains(name, tests));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "ComplaintRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (README.md, ComplaintRules.sln) was not found above the test directory.");
    }
}
