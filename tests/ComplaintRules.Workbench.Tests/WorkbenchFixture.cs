using ComplaintRules.Cli.Workbench;

namespace ComplaintRules.Workbench.Tests;

/// <summary>
/// A workbench on a free loopback port, as <c>serve</c> starts it, over a copy of the test rule file (Save writes it),
/// the test cases plus the default rule set's cases, and the sample labelled file.
/// </summary>
public class WorkbenchFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WorkbenchServer? _server;

    public string RuleFile { get; private set; } = "";

    public string OriginalRules { get; private set; } = "";

    public Uri Address => Server.Address;

    internal WorkbenchServer Server => _server ?? throw new InvalidOperationException("the workbench has not started");

    public virtual async Task InitializeAsync()
    {
        RuleFile = _folder.Copy(TestFiles.TestData("workbench.rules.json"));
        OriginalRules = await File.ReadAllTextAsync(RuleFile);
        _server = await WorkbenchServer.StartAsync(Options());
    }

    internal WorkbenchOptions Options() => new()
    {
        RuleFiles = [RuleFile],
        CaseFiles = [TestFiles.TestData("workbench.cases.json"), TestFiles.Repo("src/ComplaintRules/DefaultRules/default.cases.json")],
        LabelledFile = TestFiles.Repo("samples/labelled.jsonl"),
        Port = 0,
    };

    public virtual async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _folder.Dispose();
    }
}
