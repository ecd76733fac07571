using ComplaintRules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintRules.Samples.HostedConsole;

/// <summary>Where the complaints to analyse are.</summary>
internal sealed class BatchOptions
{
    public string InputPath { get; set; } = "";
}

/// <summary>Analyses every complaint of the input file once, logs a summary, and stops the host.</summary>
internal sealed class ComplaintBatchService(
    ComplaintAnalyzer analyzer,
    IOptions<BatchOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ComplaintBatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.InputPath;
        var byCause = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bySeverity = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int analysed = 0, failed = 0, lineNumber = 0;
        try
        {
            await foreach (var line in File.ReadLinesAsync(path, stoppingToken))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    var assessment = analyzer.Analyze(ComplaintJson.ParseComplaint(line));
                    analysed++;
                    Increment(byCause, assessment.PrimaryCause.ToString());
                    Increment(bySeverity, assessment.Severity.ToString());
                    logger.LogInformation("{Id}: {Cause} / {Conflict} / {Severity}, first remedy {Remedy}",
                        assessment.Id, assessment.PrimaryCause, assessment.ConflictType, assessment.Severity,
                        assessment.Remedies.Count > 0 ? assessment.Remedies[0].Remedy : "none");
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
                {
                    failed++;
                    logger.LogWarning("{Path}:{Line}: {Message}", path, lineNumber, ex.Message);
                }
            }

            logger.LogInformation("Analysed {Analysed} complaints ({Failed} failed) with rule set {RuleSet}. Primary causes: {Causes}. Severity: {Severity}.",
                analysed, failed, analyzer.RuleSet, Format(byCause), Format(bySeverity));
        }
        catch (FileNotFoundException)
        {
            logger.LogError("Input file {Path} not found.", path);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Format(SortedDictionary<string, int> counts) => string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}"));
}
