using System.Text.RegularExpressions;
using ComplaintRules.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Rules;

/// <summary>The hand-written name checks accept exactly what the loaders' regular expressions accepted.</summary>
public partial class NamePatternsTests
{
    public static TheoryData<string> Edges() =>
    [
        "", "a", "A", "_", "-", "1", "a1_", "refund_demand", "Refund", "refund-demand", "refund\n", "refund\n\n", "\n", "refund \n",
        "a\nb", "ré", "CN-NFRA", "UK-FCA", "CN--NFRA", "CN-", "-CN", "C", "C1-2", "cn-nfra", "CNY", "CN", "CNYY", "CNY\n",
        "cal_1-x", "Cal", "9cal", "ｒｅｆｕｎｄ", "ＣＮＹ", "A-B-C\n",
    ];

    [Theory]
    [MemberData(nameof(Edges))]
    public void Each_check_matches_its_pattern_at_the_edges(string text) => AssertAllAgree(text);

    [Property(MaxTest = 2000)]
    public void Each_check_matches_its_pattern_on_generated_names(NonNull<string> text) => AssertAllAgree(text.Get);

    [Property(Arbitrary = new[] { typeof(Names) }, MaxTest = 2000)]
    public void Each_check_matches_its_pattern_on_near_names(string text) => AssertAllAgree(text);

    /// <summary>Strings over the characters the patterns care about, so that matches are common.</summary>
    public static class Names
    {
        public static Arbitrary<string> Strings() =>
            Gen.ArrayOf(Gen.Elements('a', 'z', 'A', 'Z', '0', '9', '_', '-', '\n', ' ', '.', 'é'))
                .Select(chars => new string(chars))
                .ToArbitrary();
    }

    private static void AssertAllAgree(string text)
    {
        Assert.Equal(LowerSnake().IsMatch(text), NamePatterns.IsLowerSnake(text));
        Assert.Equal(RegimeKey().IsMatch(text), NamePatterns.IsRegimeKey(text));
        Assert.Equal(CalendarId().IsMatch(text), NamePatterns.IsCalendarId(text));
        Assert.Equal(Currency().IsMatch(text), NamePatterns.IsCurrencyCode(text));
    }

    // The patterns the loaders used before.
    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex LowerSnake();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
    private static partial Regex RegimeKey();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex CalendarId();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();
}
