using System.Text.RegularExpressions;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using ComplaintRules.Rules;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Docs;

/// <summary>
/// docs/rule-authoring.md tells the truth: every <c>$ complaint-rules …</c> command in its console blocks prints what
/// the guide shows (a line ending in … matches any rest of the output), the worked examples load and pass their
/// cases, and every fact a condition can read is documented.
/// </summary>
public sealed partial class RuleAuthoringGuideTests
{
    private static readonly string s_guide = File.ReadAllText(RepositoryFiles.PathOf("docs/rule-authoring.md"));

    public static TheoryData<string> Commands => [.. ConsoleBlocks().Select(b => b.Command)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_command_in_the_guide_prints_what_the_guide_shows(string command)
    {
        var expected = ConsoleBlocks().Single(b => b.Command == command).Output;

        var (_, output) = Run(command);

        var lines = output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].EndsWith('…'))
            {
                Assert.StartsWith(expected[i].TrimEnd('…'), lines[i], StringComparison.Ordinal);
                return;
            }

            Assert.True(i < lines.Length, $"the output ends before line {i + 1}: {expected[i]}");
            Assert.Equal(expected[i], lines[i]);
        }

        Assert.Equal(expected.Count, lines.Length);
    }

    [Fact]
    public void Every_worked_example_is_run_by_a_command_in_the_guide()
    {
        var examples = RepositoryFiles.Find("docs/examples", "*.json", SearchOption.TopDirectoryOnly).ToList();

        Assert.Equal(6, examples.Count); // three examples, a rule file and a case file each
        var commands = ConsoleBlocks().Select(b => b.Command).ToList();
        Assert.All(examples, file => Assert.Contains(commands, c => c.StartsWith("test ", StringComparison.Ordinal) && c.Contains(file, StringComparison.Ordinal)));
        Assert.All(ConsoleBlocks().Where(b => b.Command.StartsWith("test ", StringComparison.Ordinal) && !b.Command.Contains("errors/", StringComparison.Ordinal)),
            b => Assert.Equal(0, Run(b.Command).Exit));
    }

    [Fact]
    public void The_mistakes_file_shows_at_least_five_different_kinds_of_error()
    {
        var diagnostics = ComplaintRuleSet.Validate(RuleSetSource.FromFile(RepositoryFiles.PathOf("docs/examples/errors/five-mistakes.rules.json")));

        Assert.True(diagnostics.Select(d => Regex.Replace(d.Message, "'[^']*'", "'…'")).Distinct().Count() >= 5);
        Assert.All(diagnostics, d => Assert.NotNull(d.RuleId));
    }

    [Fact]
    public void Every_fact_a_condition_can_read_is_documented()
    {
        Assert.All(RuleExpressionCompiler.FactMembers, member => Assert.Contains($"`{member}", s_guide, StringComparison.Ordinal));
    }

    private static IEnumerable<(string Command, List<string> Output)> ConsoleBlocks()
    {
        foreach (Match block in ConsoleBlock().Matches(s_guide))
        {
            string? command = null;
            var output = new List<string>();
            foreach (var line in block.Groups[1].Value.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
            {
                if (line.StartsWith("$ complaint-rules ", StringComparison.Ordinal))
                {
                    if (command is not null)
                    {
                        yield return (command, output);
                    }

                    command = line["$ complaint-rules ".Length..];
                    output = [];
                }
                else
                {
                    output.Add(line);
                }
            }

            if (command is not null)
            {
                yield return (command, output);
            }
        }
    }

    // Runs the command in-process as if from the repository root: relative paths in, relative paths out.
    private static (int Exit, string Output) Run(string command)
    {
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => File.Exists(RepositoryFiles.PathOf(a)) ? RepositoryFiles.PathOf(a) : a)
            .ToArray();
        var arguments = new CliArguments(args);
        var stdout = new StringWriter();
        var exit = arguments.Command switch
        {
            "validate" => ValidateCommand.Run(arguments, stdout, TextWriter.Null),
            "test" => TestCommand.Run(arguments, stdout, TextWriter.Null),
            "explain" => ExplainCommand.Run(arguments, stdout, TextWriter.Null),
            _ => throw new InvalidOperationException($"The guide runs an unknown command: {command}"),
        };
        var root = RepositoryFiles.Root + Path.DirectorySeparatorChar;
        return (exit, stdout.ToString().Replace(root, "", StringComparison.Ordinal));
    }

    [GeneratedRegex("```console\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();
}
