using System.Globalization;
using System.Text.Json;
using ComplaintRules;

namespace ComplaintRules.Deadlines.Tests;

/// <summary>Every regulatory fact names its source and when it was checked; stale or uncovered data is flagged.</summary>
public class RegimeSourceTests
{
    private static readonly ComplaintAnalyzer s_analyzer = new();

    private static ComplaintAssessment Analyze(ComplaintAnalyzer analyzer, string regime, string receivedAt) =>
        analyzer.Analyze(new Complaint { Id = "s", Text = "我要退款", Regime = regime, ReceivedAt = DateTimeOffset.Parse(receivedAt, CultureInfo.InvariantCulture) });

    [Fact]
    public void Every_embedded_regime_deadline_and_calendar_names_its_source_and_when_it_was_checked()
    {
        foreach (var regime in ComplaintRuleSet.Default.Regimes.Values)
        {
            Assert.NotEmpty(regime.Sources);
            Assert.NotNull(regime.LastChecked);
            Assert.All(regime.Deadlines, d => Assert.True(d.Source is { Title.Length: > 0 }, $"{regime.Key} {d}"));
            Assert.All(regime.Sources.Concat(regime.Deadlines.Select(d => d.Source!)), s => Assert.True(s.Checked > new DateOnly(2026, 1, 1), s.ToString()));
            if (regime.Calendar is HolidayCalendar { Years.Count: > 0 } calendar)
            {
                Assert.NotEmpty(calendar.Sources);
            }
        }
    }

    [Fact]
    public void A_deadline_carries_its_source_into_the_assessment_and_its_JSON()
    {
        var assessment = Analyze(s_analyzer, "CN-NFRA", "2025-03-31T10:00:00+08:00");
        var resolve = assessment.Deadlines.Single(d => d.Kind == DeadlineKind.Resolve);
        Assert.Equal("第十九条第一款", resolve.Source?.Provision);
        Assert.Equal("http://www.gov.cn/gongbao/content/2020/content_5512564.htm", resolve.Source?.Url?.OriginalString);

        using var json = JsonDocument.Parse(ComplaintJson.Serialize(assessment));
        var source = json.RootElement.GetProperty("deadlines")[0].GetProperty("source");
        Assert.Equal("第十九条第一款", source.GetProperty("provision").GetString());
        Assert.Equal("2026-11-29", source.GetProperty("checked").GetString());
    }

    [Fact]
    public void A_complaint_outside_the_calendar_years_is_warned_with_a_code()
    {
        var assessment = Analyze(s_analyzer, "CN-NFRA", "2027-03-01T10:00:00+08:00");
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.CalendarNotCovered && w.Message.StartsWith("calendar 'CN' has no holiday data", StringComparison.Ordinal)
            && w.Message.Contains("2025, 2026", StringComparison.Ordinal));
        Assert.DoesNotContain(Analyze(s_analyzer, "CN-NFRA", "2026-03-01T10:00:00+08:00").Warnings,
            w => w.Code == WarningCodes.CalendarNotCovered);
    }

    [Fact]
    public void A_regime_checked_more_than_a_year_before_receipt_is_warned_with_a_code()
    {
        var rules = ComplaintRuleSet.Load(RuleSetSource.Default, RuleSetSource.FromJson("""
            { "regimes": { "XX-OLD": { "name": "Old", "timeZone": "UTC", "basis": ["Old Act"], "validFrom": "2020-01-01",
                "sources": [ { "title": "Old Act", "checked": "2024-06-30" } ],
                "deadlines": [ { "kind": "resolve", "amount": 10, "unit": "calendar_days", "basis": "s. 1",
                                 "source": { "title": "Old Act", "provision": "s. 1", "checked": "2024-03-31" } } ] } } }
            """));
        var analyzer = new ComplaintAnalyzer(rules);
        Assert.Equal(new DateOnly(2024, 3, 31), rules.Regimes["XX-OLD"].LastChecked); // the oldest part counts

        Assert.DoesNotContain(Analyze(analyzer, "XX-OLD", "2025-03-31T12:00:00Z").Warnings, w => w.Code == WarningCodes.RegimeDataStale);
        var stale = Analyze(analyzer, "XX-OLD", "2025-04-01T12:00:00Z");
        Assert.Contains(stale.Warnings, w => w.Code == WarningCodes.RegimeDataStale && w.Message.StartsWith("regime 'XX-OLD' was last checked against its sources on 2024-03-31", StringComparison.Ordinal));
        Assert.NotEmpty(stale.Deadlines); // still computed: the warning asks for a check, it does not withhold them
    }

    [Fact]
    public void The_embedded_regimes_warn_once_their_check_is_more_than_a_year_old()
    {
        var assessment = Analyze(s_analyzer, "UK-FCA", "2028-01-05T10:00:00Z");
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.RegimeDataStale);
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.CalendarNotCovered);
    }

    [Fact]
    public void Source_problems_are_reported_with_their_position()
    {
        var diagnostics = ComplaintRuleSet.Validate(RuleSetSource.FromJson("""
            { "regimes": { "XX-SRC": { "name": "x", "timeZone": "UTC", "basis": ["b"], "validFrom": "2025-01-01",
                "sources": [ { "title": "", "checked": "2025-13-01" }, { "title": "Act", "url": "ftp://example.org/act" } ],
                "deadlines": [ { "kind": "resolve", "amount": 1, "unit": "weeks", "basis": "b", "source": { "title": "Act", "checked": "yesterday" } } ] } },
              "calendars": { "XX": { "years": [2025], "sources": [ { "title": "Notice" } ] } } }
            """, "src.rules.json"));
        Assert.Contains(diagnostics, d => d.Path == "$.regimes.XX-SRC.sources[0]" && d.Message.Contains("\"title\"", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Path == "$.regimes.XX-SRC.sources[0].checked");
        Assert.Contains(diagnostics, d => d.Path == "$.regimes.XX-SRC.sources[1].url" && d.Message.Contains("http or https", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Path == "$.regimes.XX-SRC.sources[1]" && d.Message.Contains("\"checked\"", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Path == "$.regimes.XX-SRC.deadlines[0].source.checked");
        Assert.Contains(diagnostics, d => d.Path == "$.calendars.XX.sources[0]" && d.Message.Contains("\"checked\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadline_warnings_carry_stable_codes()
    {
        Assert.Contains(Analyze(s_analyzer, "FR-ACPR", "2025-03-31T10:00:00Z").Warnings, w => w.Code == WarningCodes.RegimeUnknown);
        var undated = s_analyzer.Analyze(new Complaint { Id = "u", Text = "x", Regime = "US-CFPB" });
        Assert.Contains(undated.Warnings, w => w.Code == WarningCodes.ReceivedAtMissing);
    }
}
