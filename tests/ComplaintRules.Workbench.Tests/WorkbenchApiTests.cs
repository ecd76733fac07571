using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using ComplaintRules.Cli.Workbench;

namespace ComplaintRules.Workbench.Tests;

/// <summary>The workbench's JSON API and page server: what it accepts, what it refuses, and which files it writes.</summary>
public sealed class WorkbenchApiTests : IAsyncLifetime
{
    private readonly WorkbenchFixture _workbench = new();
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _workbench.InitializeAsync();
        _http = new HttpClient { BaseAddress = _workbench.Address };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _workbench.DisposeAsync();
    }

    [Fact]
    public async Task A_POST_without_a_JSON_content_type_is_refused_with_415()
    {
        using var form = new StringContent("""{"id":"a","text":"hello"}""", Encoding.UTF8, "text/plain");
        using var response = await _http.PostAsync("/api/analyse", form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_larger_than_the_limit_is_refused_with_413()
    {
        var body = JsonSerializer.Serialize(new { id = "a", text = new string('x', 2 << 20) });
        using var response = await _http.PostAsync("/api/analyse", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_while_it_is_read()
    {
        var body = JsonSerializer.Serialize(new { id = "a", text = new string('x', 2 << 20) });
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/analyse") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Analyse_returns_the_assessment_with_evidence_and_every_rule()
    {
        using var response = await _http.PostAsJsonAsync("/api/analyse", new { id = "a", text = TestFiles.Complaint("en") });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var evidence = json.RootElement.GetProperty("assessment").GetProperty("rootCauses")[0].GetProperty("evidence");
        Assert.True(evidence.GetArrayLength() > 0);
        // Every rule, and the default rule set's tie-break after the cause rules.
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(_workbench.Server.Session.RuleSet.RuleCount + 1, rules.Count);
        Assert.Contains("cause.tie_break", rules);
    }

    [Fact]
    public async Task Analyse_names_a_fallback_cause_left_out_beside_the_primary()
    {
        using var response = await _http.PostAsJsonAsync("/api/analyse", new { id = "s", text = "这价格也太贵了吧，黑心商家，恶心！！！" });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("venting", json.RootElement.GetProperty("assessment").GetProperty("primaryCause").GetString());
        var setAside = Assert.Single(json.RootElement.GetProperty("setAside").EnumerateArray());
        Assert.Equal("expectation", setAside.GetProperty("cause").GetString());
        Assert.Equal(0.5, setAside.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Analyse_sets_nothing_aside_when_every_cause_found_is_listed()
    {
        using var response = await _http.PostAsJsonAsync("/api/analyse", new { id = "a", text = TestFiles.Complaint("en") });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(0, json.RootElement.GetProperty("setAside").GetArrayLength());
    }

    [Fact]
    public async Task Save_writes_the_rule_file_named_on_the_command_line_by_its_index()
    {
        var text = _workbench.OriginalRules.Replace("refund it first", "saved by the test", StringComparison.Ordinal);
        using var response = await _http.PostAsJsonAsync("/api/save", new { index = 0, text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(text, await File.ReadAllTextAsync(_workbench.RuleFile));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_workbench.RuleFile)!));
    }

    [Theory]
    [InlineData("""{"index": 1, "text": "{}"}""")]
    [InlineData("""{"index": -1, "text": "{}"}""")]
    [InlineData("""{"index": 0, "text": "{}", "path": "../elsewhere.rules.json"}""")]
    [InlineData("""{"path": "../elsewhere.rules.json", "text": "{}"}""")]
    public async Task Save_refuses_any_other_file_and_writes_nothing(string body)
    {
        var before = Directory.GetFiles(Path.GetDirectoryName(_workbench.RuleFile)!);
        using var response = await _http.PostAsync("/api/save", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(_workbench.OriginalRules, await File.ReadAllTextAsync(_workbench.RuleFile));
        Assert.Equal(before, Directory.GetFiles(Path.GetDirectoryName(_workbench.RuleFile)!));
    }

    [Fact]
    public async Task Check_reports_a_rule_error_at_its_line_and_Apply_keeps_the_rule_set_until_it_loads()
    {
        var hash = _workbench.Server.Session.RuleSet.Hash;
        var broken = _workbench.OriginalRules.Replace("\"priority\": 82", "\"priority\": \"high\"", StringComparison.Ordinal);
        var line = broken[..broken.IndexOf("\"high\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        using var check = JsonDocument.Parse(await (await _http.PostAsJsonAsync("/api/check", new { texts = new[] { broken } })).Content.ReadAsStringAsync());
        using var apply = JsonDocument.Parse(await (await _http.PostAsJsonAsync("/api/apply", new { texts = new[] { broken } })).Content.ReadAsStringAsync());

        var diagnostic = check.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(line, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(0, diagnostic.GetProperty("index").GetInt32());
        Assert.False(apply.RootElement.GetProperty("applied").GetBoolean());
        Assert.Equal(hash, _workbench.Server.Session.RuleSet.Hash);
    }

    [Fact]
    public async Task A_rule_file_with_errors_at_start_leaves_the_default_in_use_until_it_is_fixed_and_applied()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "broken.rules.json");
        await File.WriteAllTextAsync(file, _workbench.OriginalRules.Replace("\"priority\": 82", "\"priority\": \"high\"", StringComparison.Ordinal));
        await using var server = await WorkbenchServer.StartAsync(_workbench.Options() with { RuleFiles = [file] });

        Assert.NotEmpty(server.Session.StartupErrors);
        Assert.Equal(ComplaintRuleSet.Default.Hash, server.Session.RuleSet.Hash);

        var (applied, _) = server.Session.Apply([_workbench.OriginalRules]);
        Assert.True(applied);
        Assert.Empty(server.Session.StartupErrors);
        Assert.Equal("workbench-test", server.Session.RuleSet.Name);
    }

    [Fact]
    public async Task Without_the_default_a_rule_file_with_errors_stops_the_start()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "broken.rules.json");
        await File.WriteAllTextAsync(file, "{ \"name\": 1 }");

        await Assert.ThrowsAsync<RuleSetException>(() => WorkbenchServer.StartAsync(_workbench.Options() with { RuleFiles = [file], IncludeDefault = false }));
    }

    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/workbench.rules.json")]
    [InlineData("/ComplaintRules.Workbench.Tests.dll")]
    public async Task Only_the_embedded_page_is_served(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_page_declares_UTF8_and_forbids_other_origins_scripts()
    {
        using var response = await _http.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.All(WorkbenchAssets.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)), n => Assert.Contains(n, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused()
    {
        // A page on another site whose name resolves to 127.0.0.1 (DNS rebinding) sends its own name.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/state");
        request.Headers.Host = "attacker.example";
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Fact]
    public async Task With_a_token_every_API_call_must_carry_it()
    {
        await using var server = await WorkbenchServer.StartAsync(_workbench.Options() with { Token = "t0ken" });
        using var http = new HttpClient { BaseAddress = server.Address };
        using var without = await http.GetAsync(new Uri("/api/state", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/state");
        request.Headers.Add("X-Workbench-Token", "t0ken");
        using var with = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Contains("token=t0ken", server.Address.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_listens_on_loopback_without_a_token_and_elsewhere_only_with_one()
    {
        var loopback = ServeCommand.Options(new CliArguments(["serve", "--port", "0"]));
        var anywhere = ServeCommand.Options(new CliArguments(["serve", "--listen", "0.0.0.0"]));

        Assert.Equal(IPAddress.Loopback, loopback.Address);
        Assert.Null(loopback.Token);
        Assert.Equal(WorkbenchOptions.DefaultPort, anywhere.Port);
        Assert.Equal(32, anywhere.Token!.Length);
    }

    [Theory]
    [InlineData("serve", "--no-default")]
    [InlineData("serve", "--listen", "not-an-address")]
    [InlineData("serve", "--port", "70000")]
    [InlineData("serve", "--labelled", "no-such-file.jsonl")]
    public void Serve_refuses_a_wrong_command_line(params string[] args) =>
        Assert.Throws<CliUsageException>(() => ServeCommand.Options(new CliArguments(args)));
}
