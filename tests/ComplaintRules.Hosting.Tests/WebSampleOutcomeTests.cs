using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintRules.Hosting.Tests;

/// <summary>The web sample takes outcomes at POST /complaints/{id}/outcome and lists the alerts in force at GET /alerts.</summary>
public class WebSampleOutcomeTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Alerts = """
        { "alerts": { "csat_low": { "type": "satisfaction_drop", "window": "7d", "minCount": 3, "below": 3 } } }
        """;

    [Fact]
    public async Task Outcomes_raise_a_satisfaction_alert_that_get_alerts_lists()
    {
        using var rules = new TempRuleFile(Alerts);
        using var sample = factory.WithWebHostBuilder(b => b
            .UseSetting("ComplaintRules:RuleFiles:0", rules.Path)
            .UseSetting("RulesAdmin:ApiKey", "operator"));
        using var client = sample.CreateClient();

        for (var i = 1; i <= 2; i++)
        {
            using var quiet = await client.PostAsJsonAsync($"/complaints/w-{i}/outcome", new { remediesGiven = new[] { "explain_cause" }, resolved = false, satisfaction = 1 });
            Assert.Equal(HttpStatusCode.Accepted, quiet.StatusCode);
        }

        using var third = await client.PostAsJsonAsync("/complaints/w-3/outcome", new { resolved = true, satisfaction = 2, timeToResolve = "1.00:00:00" });
        using var raised = JsonDocument.Parse(await third.Content.ReadAsStringAsync());
        Assert.Equal("w-3", raised.RootElement.GetProperty("complaintId").GetString());
        Assert.Equal("csat_low", Assert.Single(raised.RootElement.GetProperty("alerts").EnumerateArray()).GetProperty("ruleId").GetString());

        using var anonymous = await client.GetAsync("/alerts");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", "operator");
        using var alerts = JsonDocument.Parse(await client.GetStringAsync("/alerts"));
        var alert = Assert.Single(alerts.RootElement.EnumerateArray());
        Assert.Equal("satisfaction_drop", alert.GetProperty("type").GetString());
        Assert.Equal(4.0 / 3, alert.GetProperty("meanSatisfaction").GetDouble(), 6);
    }

    [Theory]
    [InlineData("""{"resolved": true, "satisfaction": 7}""", "field 'satisfaction'")]
    [InlineData("""{"complaintId": "other", "resolved": true}""", "the route names complaint 'w-9'")]
    [InlineData("""{"satisfaction": 3}""", "field 'resolved'")]
    public async Task A_bad_outcome_is_400_naming_the_field(string body, string expected)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/complaints/w-9/outcome", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_that_is_not_json_is_415()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/complaints/w-9/outcome", new StringContent("resolved=true", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
