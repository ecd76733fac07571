namespace ComplaintRules.Testing;

/// <summary>Thrown when a rule-test case file cannot be read; carries every problem found, each with its position.</summary>
public sealed class RuleTestCaseException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    public RuleTestCaseException(IReadOnlyList<RuleDiagnostic> diagnostics)
        : base(Format(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RuleTestCaseException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public RuleTestCaseException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuleTestCaseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }

    private static string Format(IReadOnlyList<RuleDiagnostic> diagnostics) =>
        diagnostics.Count == 0
            ? "The rule-test case file could not be read."
            : $"The case file has {diagnostics.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}";
}
