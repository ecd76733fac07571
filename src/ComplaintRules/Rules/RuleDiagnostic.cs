namespace ComplaintRules;

/// <summary>One problem found in a rule-set file, with where it is and what to do about it.</summary>
public sealed class RuleDiagnostic
{
    internal RuleDiagnostic(string file, int line, int column, string? ruleId, string path, string message)
    {
        File = file;
        Line = line;
        Column = column;
        RuleId = ruleId;
        Path = path;
        Message = message;
    }

    /// <summary>The file (or source name) the problem is in.</summary>
    public string File { get; }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column, counted in characters.</summary>
    public int Column { get; }

    /// <summary>The rule concerned, or <see langword="null"/> when the problem is not inside a rule.</summary>
    public string? RuleId { get; }

    /// <summary>The JSON path of the offending value, e.g. <c>$.rules.causes[2].when</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong, written for the rule author.</summary>
    public string Message { get; }

    /// <summary>The stable code of the kind of problem, e.g. <c>CR0104</c>; each is listed with its fix in docs/diagnostics.md.</summary>
    public string Code { get; internal init; } = "";

    /// <summary>Whether the problem stops the load (<see cref="DiagnosticSeverity.Error"/>) or not.</summary>
    public DiagnosticSeverity Severity { get; internal init; }

    /// <summary>
    /// Whether this is a warning (see <see cref="ComplaintRuleSet.Warnings"/>): the rule set loads, but the rule may fail
    /// at run time; <see langword="false"/> for an error, which stops the load. Derived from <see cref="Severity"/>.
    /// </summary>
    internal bool IsWarning
    {
        get => Severity == DiagnosticSeverity.Warning;
        init => Severity = value ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
    }

    /// <summary>
    /// Formats the problem as <c>file:line:col: error CR0104: rule 'id': message</c>, the form editors and CI recognise;
    /// a warning reads <c>file:line:col: warning CR0150: rule 'id': message</c>.
    /// </summary>
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(IsWarning ? "warning" : "error")}{(Code.Length == 0 ? "" : " " + Code)}: {(RuleId is null ? "" : $"rule '{RuleId}': ")}{Message}";
}

/// <summary>Thrown when rule-set files cannot be loaded; carries every problem found, not just the first.</summary>
public sealed class RuleSetException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    public RuleSetException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base(Format(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception with a message only.</summary>
    internal RuleSetException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    internal RuleSetException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    internal RuleSetException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    private static string Format(IReadOnlyList<RuleDiagnostic> diagnostics) =>
        diagnostics.Count == 0
            ? "The rule set could not be loaded."
            : $"The rule set has {diagnostics.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}";
}
