using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintRules.Hosting.Tests;

public class WebSampleTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Post_analyze_returns_the_assessment_with_the_cli_names()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/complaints/analyze",
            new { id = "w-1", text = "You charged me an annual fee although you promised the card was free. I want a refund!", priorComplaints = 1 });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("w-1", root.GetProperty("id").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        foreach (var name in new[] { "primaryCause", "rootCauses", "conflictTypes", "severity", "intensity", "steps", "remedies", "trace" })
        {
            Assert.True(root.TryGetProperty(name, out _), $"missing {name}");
        }

        Assert.Contains(root.GetProperty("remedies").EnumerateArray(), r => r.GetProperty("remedy").GetString() == "sample_fee_waiver");
    }

    [Fact]
    public async Task Post_analyze_rejects_a_complaint_without_text()
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync("/complaints/analyze", new { id = "w-2" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_rules_returns_the_serving_version_and_no_error_to_an_operator()
    {
        using var client = factory.WithWebHostBuilder(b => b.UseSetting("RulesAdmin:ApiKey", "operator")).CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "operator");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/rules"));

        Assert.Equal("bank-sample", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("lastError").ValueKind);
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
    }
}
