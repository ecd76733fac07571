using System.Net;
using System.Security.Cryptography;
using ComplaintRules.Cli.Workbench;

namespace ComplaintRules.Cli.Commands;

/// <summary>
/// <c>serve [--rules FILE]... [--no-default] [--cases FILE]... [--labelled FILE] [--port N] [--listen ADDRESS]</c>:
/// the rule author's workbench, a local web page; prints its address and opens nothing.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var options = Options(args);
        WorkbenchServer server;
        try
        {
            server = await WorkbenchServer.StartAsync(options).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // Kestrel's message for a port in use names the address; --port 0 is the way out.
            stderr.WriteLine($"complaint-rules serve: {ex.Message} (--port 0 takes a free port)");
            return 1;
        }

        await using var running = server;
        var session = server.Session;
        stdout.WriteLine($"Workbench for {session.RuleSet.Name} {session.RuleSet.Version} ({session.RuleSet.RuleCount} rules): {server.Address}");
        if (session.StartupErrors.Count > 0)
        {
            foreach (var diagnostic in session.StartupErrors)
            {
                stderr.WriteLine(diagnostic);
            }

            stderr.WriteLine($"{session.StartupErrors.Count} error(s) in the rule files: the default rule set is in use until they are fixed and applied in the Edit tab.");
        }

        if (options.Token is not null)
        {
            stderr.WriteLine($"Listening on {options.Address}: anyone who can reach it and has the token can edit and save the rule files.");
        }

        stdout.WriteLine("Press Ctrl+C to stop.");
        await server.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>The options the command line asks for; a file named there that does not exist is a usage error.</summary>
    internal static WorkbenchOptions Options(CliArguments args)
    {
        var rules = args.All("--rules");
        if (args.Flag("--no-default") && rules.Count == 0)
        {
            throw new CliUsageException("--no-default needs at least one --rules FILE");
        }

        var cases = args.All("--cases");
        foreach (var file in cases.Append(args.Single("--labelled")).OfType<string>())
        {
            if (!File.Exists(file))
            {
                throw new CliUsageException($"file '{file}' does not exist");
            }
        }

        if (args.Whole("--port") > IPEndPoint.MaxPort)
        {
            throw new CliUsageException($"--port must be at most {IPEndPoint.MaxPort}, not {args.Whole("--port")}");
        }

        var address = IPAddress.Loopback;
        if (args.Single("--listen") is { } listen && !IPAddress.TryParse(listen, out address!))
        {
            throw new CliUsageException($"--listen takes an IP address (e.g. 0.0.0.0), not '{listen}'");
        }

        return new WorkbenchOptions
        {
            RuleFiles = rules,
            IncludeDefault = !args.Flag("--no-default"),
            CaseFiles = cases,
            LabelledFile = args.Single("--labelled"),
            Port = args.Whole("--port"),
            Address = address,
            // Beyond loopback anyone on the network could edit and save the rule files: a fresh token per start keeps them out.
            Token = IPAddress.IsLoopback(address) ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
    }
}
