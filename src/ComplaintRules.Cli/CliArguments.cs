using System.CommandLine;
using System.CommandLine.Parsing;

namespace ComplaintRules.Cli;

/// <summary>
/// A command line parsed by <see cref="CliCommandLine"/>, as the commands read it: the command, its positional
/// arguments and its options by name. Every value here has passed the grammar's checks.
/// </summary>
internal sealed class CliArguments
{
    private readonly ParseResult _result;

    /// <summary>Parses <paramref name="args"/> (the command first).</summary>
    /// <exception cref="CliUsageException">The command line breaks the grammar; the message names the option or argument.</exception>
    public CliArguments(IReadOnlyList<string> args)
        : this(CliCommandLine.Parse(args))
    {
    }

    /// <summary>Reads a parse result.</summary>
    /// <exception cref="CliUsageException">The parse result has errors.</exception>
    public CliArguments(ParseResult result)
    {
        if (result.Errors.Count > 0)
        {
            throw new CliUsageException(string.Join(Environment.NewLine, result.Errors.Select(e => e.Message)));
        }

        _result = result;
        var command = result.CommandResult.Command;
        Command = command is RootCommand ? null : command.Name;
        Positional = command.Arguments.FirstOrDefault() switch
        {
            Argument<string[]> many => result.GetValue(many) ?? [],
            Argument<string> one when result.GetValue(one) is { } value => [value],
            _ => [],
        };
    }

    /// <summary>The command, or <see langword="null"/> when none was given.</summary>
    public string? Command { get; }

    /// <summary>The command's positional arguments.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Whether the flag was given.</summary>
    public bool Flag(string name) => _result.GetValue<bool>(name);

    /// <summary>Every value of a repeatable option, in order.</summary>
    public IReadOnlyList<string> All(string name) => _result.GetValue<string[]>(name) ?? [];

    /// <summary>The value of a text option, or <see langword="null"/>.</summary>
    public string? Single(string name) => _result.GetValue<string>(name);

    /// <summary>The value of a whole-number option, or its default (<see langword="null"/> when it has none).</summary>
    public int? Number(string name) => _result.GetValue<int?>(name);

    /// <summary>The value of a whole-number option that has a default in the grammar.</summary>
    public int Whole(string name) => Number(name) ?? throw new InvalidOperationException($"{name} has no default in the grammar");

    /// <summary>The value of a decimal option, or <see langword="null"/>.</summary>
    public double? Decimal(string name) => _result.GetValue<double?>(name);

    /// <summary>The rule set the options ask for: the default, then each <c>--rules</c> file; or only the files with <c>--no-default</c>.</summary>
    public ComplaintRuleSet LoadRuleSet()
    {
        var files = All("--rules");
        if (Flag("--no-default") && files.Count == 0)
        {
            throw new CliUsageException("--no-default needs at least one --rules FILE");
        }

        // The default alone is the process's one shared instance (perhaps already loading: Program starts it early).
        return files.Count == 0 ? ComplaintRuleSet.Default : ComplaintRuleSet.LoadFiles(files, includeDefault: !Flag("--no-default"));
    }

    /// <summary>The rule sources the options ask for, for the tools that load them themselves.</summary>
    public List<RuleSetSource> RuleSources()
    {
        var sources = new List<RuleSetSource>();
        if (!Flag("--no-default"))
        {
            sources.Add(RuleSetSource.Default);
        }

        sources.AddRange(All("--rules").Select(RuleSetSource.FromFile));
        return sources;
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
