namespace ComplaintRules.Cli;

/// <summary>A command line parsed into a command, positional arguments and options (repeatable, <c>--name value</c> or flags).</summary>
internal sealed class CliArguments
{
    private static readonly HashSet<string> s_flags = ["--no-default", "--no-color", "--all-rules", "--help", "-h"];

    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i == 0 && !arg.StartsWith('-'))
            {
                Command = arg;
                continue;
            }

            if (i == 0)
            {
                Command = arg;
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                if (s_flags.Contains(arg))
                {
                    Add(arg, "true");
                }
                else if (i + 1 < args.Count)
                {
                    Add(arg, args[++i]);
                }
                else
                {
                    throw new CliUsageException($"option '{arg}' needs a value");
                }
            }
            else
            {
                positional.Add(arg);
            }
        }

        Positional = positional;
    }

    public string? Command { get; }

    public IReadOnlyList<string> Positional { get; }

    public bool Flag(string name) => _options.ContainsKey(name);

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public string? Single(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    /// <summary>The rule set the options ask for: the default, then each <c>--rules</c> file; or only the files with <c>--no-default</c>.</summary>
    public ComplaintRuleSet LoadRuleSet()
    {
        var files = All("--rules");
        if (Flag("--no-default") && files.Count == 0)
        {
            throw new CliUsageException("--no-default needs at least one --rules FILE");
        }

        return ComplaintRuleSet.LoadFiles(files, includeDefault: !Flag("--no-default"));
    }

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            _options[name] = values = [];
        }

        values.Add(value);
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
