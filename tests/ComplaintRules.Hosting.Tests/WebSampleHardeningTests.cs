using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ComplaintRules.Hosting.Tests;

/// <summary>The web sample on real Kestrel, as people copy it: content type, body limit, protected /rules, health codes.</summary>
public sealed class WebSampleHardeningTests : IClassFixture<WebSampleHardeningTests.KestrelWebSample>
{
    private readonly KestrelWebSample _sample;

    public WebSampleHardeningTests(KestrelWebSample sample) => _sample = sample;

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_declared_json_is_refused_with_415(string mediaType)
    {
        using var client = _sample.CreateClient();

        using var response = await client.PostAsync("/complaints/analyze", new StringContent(Complaint("t-1", "I want a refund."), Encoding.UTF8, mediaType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_complaint_at_the_library_text_limit_fits_the_body_limit()
    {
        using var client = _sample.CreateClient();
        var text = string.Concat(Enumerable.Repeat("银行多收了我的年费，请退还。", 7_200))[..100_000]; // about 300 KB of UTF-8

        using var response = await client.PostAsync("/complaints/analyze", Json(Complaint("t-2", text)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_body_is_413_and_logged_as_a_client_error_without_a_stack_trace(bool chunked)
    {
        // The client waits for the answer to 100-continue as long as it takes: by default it sends the body after one
        // second without one, and on a busy machine the server's 413 can come later than that (a broken pipe then).
        using var address = _sample.CreateClient();
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = address.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/complaints/analyze") { Content = Json(Complaint("t-3", new string('x', 3_000_000))) };
        request.Headers.TransferEncodingChunked = chunked;       // chunked: no Content-Length, the limit must hold while reading
        // With a Content-Length the sample refuses before reading a byte and closes; a client still writing 3 MB then
        // fails with a broken pipe before it reads the 413. Waiting for 100-continue, as large uploads should, it
        // reads the 413 and never sends the body.
        request.Headers.ExpectContinue = !chunked;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(_sample.Logs.Entries, e => e.EventId.Id == 413 && e.Level == LogLevel.Information && e.Exception is null);
        Assert.DoesNotContain(_sample.Logs.Entries, e => e.Level >= LogLevel.Error || e.Exception is not null);
    }

    [Fact]
    public async Task Get_rules_needs_the_operator_key()
    {
        using var client = _sample.CreateClient();

        using var anonymous = await client.GetAsync("/rules");
        using var wrongKey = await Get(client, "/rules", "not-the-key");
        using var operatorKey = await Get(client, "/rules", KestrelWebSample.ApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorKey.StatusCode);
        using var json = JsonDocument.Parse(await operatorKey.Content.ReadAsStringAsync());
        Assert.Equal("bank-sample", json.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Degraded_rules_answer_200_on_health_for_load_balancers_and_503_on_health_rules()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bank.rules.json", TempRuleFile.Versioned(1));
        using var sample = _sample.WithWebHostBuilder(b => b.UseSetting("ComplaintRules:RuleFiles:0", path));
        using var client = sample.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/rules"));

        File.WriteAllText(path, TempRuleFile.Invalid(2));
        await sample.Services.GetRequiredService<FileRuleSetProvider>().ReloadAsync();
        using var health = await client.GetAsync("/health");
        using var rulesHealth = await client.GetAsync("/health/rules");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, rulesHealth.StatusCode);
        Assert.Equal("Degraded", await rulesHealth.Content.ReadAsStringAsync());
    }

    private static string Complaint(string id, string text) => JsonSerializer.Serialize(new { id, text });

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>The sample on Kestrel (its request limits are Kestrel's), with an operator key and captured logs.</summary>
    public sealed class KestrelWebSample : WebApplicationFactory<Program>
    {
        public const string ApiKey = "operator-key-for-tests";

        public KestrelWebSample() => UseKestrel(0);

        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("RulesAdmin:ApiKey", ApiKey);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
