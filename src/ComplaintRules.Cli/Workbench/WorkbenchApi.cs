using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintRules.Cli.Commands;
using ComplaintRules.Testing;
using Microsoft.AspNetCore.Http;

namespace ComplaintRules.Cli.Workbench;

/// <summary>
/// The JSON API behind the page. The same library calls as <c>explain --all-rules</c>, <c>validate</c>,
/// <c>test</c> and <c>score</c>, shaped for the page. Rule files are addressed by index only.
/// </summary>
internal sealed class WorkbenchApi(WorkbenchSession session)
{
    /// <summary>How many labelled complaints the Analyse tab offers to pick from.</summary>
    private const int MaxSamples = 500;

    /// <summary>
    /// Answers one API call; <see langword="null"/> when no API has that method and path. A POST body over
    /// <paramref name="bodyLimit"/> bytes is refused with 413.
    /// </summary>
    public async Task<object?> DispatchAsync(string method, string path, HttpRequest request, long bodyLimit) => (method, path) switch
    {
        ("GET", "/api/state") => State(),
        ("GET", "/api/samples") => Samples(),
        ("POST", "/api/analyse") => Analyse(await ReadBodyAsync(request, bodyLimit).ConfigureAwait(false)),
        ("POST", "/api/check") => Check(Read<FilesRequest>(await ReadBodyAsync(request, bodyLimit).ConfigureAwait(false))),
        ("POST", "/api/apply") => Apply(Read<FilesRequest>(await ReadBodyAsync(request, bodyLimit).ConfigureAwait(false))),
        ("POST", "/api/save") => Save(Read<SaveRequest>(await ReadBodyAsync(request, bodyLimit).ConfigureAwait(false))),
        ("POST", "/api/test") => Test(),
        ("POST", "/api/score") => Score(),
        _ => null,
    };

    private object State() => new
    {
        ruleSet = RuleSetView(session.RuleSet),
        files = session.Files().Select(f => new { index = f.Index, name = f.Name, text = f.Text }),
        includeDefault = session.Options.IncludeDefault,
        // The rule files did not load at start: the page analyses with the default until they are fixed and applied.
        startupErrors = session.StartupErrors.Count,
        caseFiles = session.Options.CaseFiles.Count,
        labelled = session.Options.LabelledFile is not null,
        regimes = session.RuleSet.Regimes.Keys.Order(StringComparer.Ordinal),
    };

    private object Samples()
    {
        var cases = new List<object>();
        foreach (var file in session.Options.CaseFiles)
        {
            try
            {
                cases.AddRange(RuleTestCaseFile.Load(file).Select(c => new { name = c.Name, complaint = c.Complaint }));
            }
            catch (RuleTestCaseException)
            {
                // The Test tab reports an unreadable case file; the picker just leaves it out.
            }
        }

        var labelled = session.ReadLabelled().Complaints.Take(MaxSamples)
            .Select(l => new { name = $"{l.Complaint.Id}: {Preview(l.Complaint.Text)}", complaint = l.Complaint });
        return new { cases, labelled };
    }

    private object Analyse(string body)
    {
        var complaint = ComplaintJson.ParseComplaint(body);
        var explanation = new ComplaintAnalyzer(session.RuleSet).Explain(complaint);
        return new
        {
            ruleSet = RuleSetView(session.RuleSet),
            text = complaint.Text,
            assessment = JsonNode.Parse(ComplaintJson.Serialize(explanation.Assessment)),
            setAside = ExplainCommand.SetAside(explanation, session.RuleSet).Select(c => new { cause = c.Cause.Name(), score = c.Score }),
            rules = explanation.Rules.Select(RuleView),
            patternMatches = explanation.PatternMatches,
        };
    }

    private object Check(FilesRequest request)
    {
        var (ruleSet, diagnostics) = session.Check(request.Texts);
        return new { ok = ruleSet is not null, diagnostics = diagnostics.Select(DiagnosticView) };
    }

    private object Apply(FilesRequest request)
    {
        var (applied, diagnostics) = session.Apply(request.Texts);
        return new { applied, ruleSet = RuleSetView(session.RuleSet), diagnostics = diagnostics.Select(DiagnosticView) };
    }

    private object Save(SaveRequest request)
    {
        var path = session.Save(request.Index, request.Text);
        return new { saved = path };
    }

    private object Test()
    {
        var (results, unreadable) = session.RunCases();
        return new
        {
            ruleSet = RuleSetView(session.RuleSet),
            passed = results.Count(r => r.Passed),
            failed = results.Count(r => r.FailsRun),
            pending = results.Count(r => !r.Passed && !r.FailsRun),
            unreadable = unreadable.Select(DiagnosticView),
            results = results.Select(r => new
            {
                name = r.Case.Name,
                file = r.Case.File,
                line = r.Case.Line,
                status = r.Passed ? "pass" : r.FailsRun ? "fail" : "pending",
                pendingReason = r.Case.Pending,
                complaint = r.Case.Complaint,
                expect = r.Case.Expect,
                failures = r.Failures.Select(f => new
                {
                    message = f.Message,
                    decision = f.Decision,
                    fired = f.Fired.Select(RuleView),
                    notFired = f.NotFired.Select(RuleView),
                }),
            }),
        };
    }

    private object Score()
    {
        if (session.Options.LabelledFile is null)
        {
            throw new WorkbenchRequestException("the workbench was started without --labelled FILE", StatusCodes.Status409Conflict);
        }

        var (report, previous, content) = session.Score(misses: 20);
        var byLine = content.Complaints.ToDictionary(c => c.Line);
        return new
        {
            report = JsonNode.Parse(report.ToJson()),
            previous = previous is null ? null : JsonNode.Parse(previous.ToJson()),
            // The worst misses with their complaints, so one click opens a miss in Analyse.
            misses = report.Misses.Select(m => new
            {
                line = m.Line,
                id = m.Id,
                complaint = byLine.TryGetValue(m.Line, out var labelled) ? labelled.Complaint : null,
            }),
            errors = content.Errors.Select(e => new { line = e.Line, message = e.Message }),
        };
    }

    private static object RuleSetView(ComplaintRuleSet ruleSet) =>
        new { name = ruleSet.Name, version = ruleSet.Version, hash = ruleSet.Hash, rules = ruleSet.RuleCount };

    private static object RuleView(RuleEvaluation r) => new
    {
        ruleId = r.RuleId,
        decision = r.Decision,
        outcome = r.Outcome,
        fired = r.Fired,
        fallback = r.Fallback,
        fault = r.Fault,
        condition = r.Condition,
        reads = r.Reads.Select(f => new { name = f.Name, value = f.Value }),
    };

    private object DiagnosticView(RuleDiagnostic d) => new
    {
        // The file's index on the command line; -1 for the embedded default.
        index = IndexOf(d.File),
        file = d.File,
        line = d.Line,
        column = d.Column,
        code = d.Code,
        severity = d.IsWarning ? "warning" : "error",
        ruleId = d.RuleId,
        path = d.Path,
        message = d.Message,
    };

    private int IndexOf(string file)
    {
        var files = session.Options.RuleFiles;
        for (var i = 0; i < files.Count; i++)
        {
            if (string.Equals(files[i], file, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Preview(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");

    private static T Read<T>(string body)
        where T : class =>
        JsonSerializer.Deserialize<T>(body, WorkbenchJson.Options) ?? throw new WorkbenchRequestException("the body must be a JSON object, not null");

    private static async Task<string> ReadBodyAsync(HttpRequest request, long limit)
    {
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > limit)
            {
                throw new WorkbenchRequestException($"the request is larger than {limit} bytes", StatusCodes.Status413PayloadTooLarge);
            }

            body.Write(buffer, 0, read);
        }

        body.Position = 0;
        using var reader = new StreamReader(body, Encoding.UTF8);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }

    /// <summary>The text of every rule file, in the order of the command line.</summary>
    private sealed record FilesRequest(IReadOnlyList<string> Texts);

    /// <summary>The new text of the rule file at <see cref="Index"/> on the command line.</summary>
    private sealed record SaveRequest(int Index, string Text);
}
