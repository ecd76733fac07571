using System.Text;
using ComplaintRules.Testing;

namespace ComplaintRules.Cli.Workbench;

/// <summary>
/// The workbench's state: the rule set the page analyses with (an immutable snapshot, swapped whole by Apply), the
/// text of each rule file as last applied or saved, and the last score. Files are only ever the ones in
/// <see cref="WorkbenchOptions"/>; the page names a rule file by its index, never by a path.
/// </summary>
internal sealed class WorkbenchSession
{
    private readonly Lock _gate = new();
    private readonly string[] _texts;
    private ComplaintRuleSet _ruleSet;
    private ScoreReport? _lastScore;

    /// <summary>
    /// Loads the rule files. When they have errors the workbench starts on the default rule set alone, since fixing
    /// them is what the Edit tab is for; with <c>--no-default</c> there is nothing to start on, and the errors stop it.
    /// </summary>
    /// <exception cref="RuleSetException">The rule files have errors and the default rule set is left out.</exception>
    public WorkbenchSession(WorkbenchOptions options)
    {
        Options = options;
        _texts = [.. options.RuleFiles.Select(ReadText)];
        try
        {
            _ruleSet = ComplaintRuleSet.Load(Sources(_texts));
        }
        catch (RuleSetException ex) when (options.IncludeDefault)
        {
            _ruleSet = ComplaintRuleSet.Load(RuleSetSource.Default);
            StartupErrors = ex.Diagnostics;
        }
    }

    public WorkbenchOptions Options { get; }

    /// <summary>The rule files' errors at start, while the default rule set stands in for them; empty once applied.</summary>
    public IReadOnlyList<RuleDiagnostic> StartupErrors { get; private set; } = [];

    /// <summary>The rule set in use.</summary>
    public ComplaintRuleSet RuleSet => Volatile.Read(ref _ruleSet);

    /// <summary>The rule files as last applied or saved, with their index and the name diagnostics use.</summary>
    public IReadOnlyList<(int Index, string Name, string Text)> Files()
    {
        lock (_gate)
        {
            return [.. _texts.Select((text, i) => (i, Options.RuleFiles[i], text))];
        }
    }

    /// <summary>Loads the given texts (one per rule file, by index) without keeping the result.</summary>
    /// <returns>The rule set, or <see langword="null"/> when it has errors; and every diagnostic, warnings included.</returns>
    /// <exception cref="WorkbenchRequestException">An index is not a rule file's, or one is missing.</exception>
    public (ComplaintRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics) Check(IReadOnlyList<string> texts)
    {
        if (texts.Count != Options.RuleFiles.Count)
        {
            throw new WorkbenchRequestException($"expected the text of {Options.RuleFiles.Count} rule file(s), got {texts.Count}");
        }

        try
        {
            var ruleSet = ComplaintRuleSet.Load(Sources(texts));
            return (ruleSet, ruleSet.Warnings);
        }
        catch (RuleSetException ex)
        {
            return (null, ex.Diagnostics);
        }
    }

    /// <summary>Loads the texts and, when they have no errors, makes them the rule set in use.</summary>
    public (bool Applied, IReadOnlyList<RuleDiagnostic> Diagnostics) Apply(IReadOnlyList<string> texts)
    {
        var (ruleSet, diagnostics) = Check(texts);
        if (ruleSet is null)
        {
            return (false, diagnostics);
        }

        lock (_gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                _texts[i] = texts[i];
            }

            Volatile.Write(ref _ruleSet, ruleSet);
            StartupErrors = [];
        }

        return (true, diagnostics);
    }

    /// <summary>Writes a rule file named on the command line; the page gives its index, so no other path can be written.</summary>
    /// <exception cref="WorkbenchRequestException">The index is not a rule file's.</exception>
    public string Save(int index, string text)
    {
        if (index < 0 || index >= Options.RuleFiles.Count)
        {
            throw new WorkbenchRequestException($"there is no rule file {index}; the workbench was started with {Options.RuleFiles.Count}");
        }

        var path = Options.RuleFiles[index];
        lock (_gate)
        {
            // Written beside the file, then moved over it: a crash never leaves half a rule file.
            var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
            _texts[index] = text;
        }

        return path;
    }

    /// <summary>Runs the case files (read again now) against the rule set in use.</summary>
    public (IReadOnlyList<RuleTestResult> Results, IReadOnlyList<RuleDiagnostic> Unreadable) RunCases()
    {
        var cases = new List<RuleTestCase>();
        var unreadable = new List<RuleDiagnostic>();
        foreach (var file in Options.CaseFiles)
        {
            try
            {
                cases.AddRange(RuleTestCaseFile.Load(file));
            }
            catch (RuleTestCaseException ex)
            {
                unreadable.AddRange(ex.Diagnostics);
            }
        }

        return (new RuleCaseRunner(RuleSet).RunAll(cases), unreadable);
    }

    /// <summary>Reads the labelled file now; empty when none was given.</summary>
    public LabelledFileContent ReadLabelled()
    {
        if (Options.LabelledFile is not { } path)
        {
            return new LabelledFileContent([], []);
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return LabelledComplaintFile.Read(reader);
    }

    /// <summary>Scores the rule set in use on the labelled file.</summary>
    /// <returns>The report, the one before it (to show the difference) and the labelled content (to open a miss).</returns>
    public (ScoreReport Report, ScoreReport? Previous, LabelledFileContent Content) Score(int misses)
    {
        var content = ReadLabelled();
        var report = new ComplaintScorer(RuleSet).Score(content.Complaints, misses);
        lock (_gate)
        {
            var previous = _lastScore;
            _lastScore = report;
            return (report, previous, content);
        }
    }

    private List<RuleSetSource> Sources(IReadOnlyList<string> texts)
    {
        var sources = new List<RuleSetSource>();
        if (Options.IncludeDefault)
        {
            sources.Add(RuleSetSource.Default);
        }

        // Named by the path given on the command line, so a diagnostic reads as it does in `validate`.
        sources.AddRange(texts.Select((text, i) => RuleSetSource.FromJson(text, Options.RuleFiles[i])));
        return sources;
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"rule file '{path}' does not exist");
        }

        if (new FileInfo(path).Length > RuleSetSource.MaxDocumentBytes)
        {
            throw new CliUsageException($"rule file '{path}' is larger than {RuleSetSource.MaxDocumentBytes} bytes");
        }

        return File.ReadAllText(path, Encoding.UTF8);
    }
}

/// <summary>A request the workbench refuses; the message says why, and the page shows it.</summary>
internal sealed class WorkbenchRequestException(string message, int statusCode = 400) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
