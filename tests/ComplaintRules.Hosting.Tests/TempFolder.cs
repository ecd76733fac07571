namespace ComplaintRules.Hosting.Tests;

/// <summary>A temporary folder for rule-file layouts (symlinks, replaced folders), deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "complaint-rules-tests", Guid.NewGuid().ToString("n"));

    public TempFolder() => Directory.CreateDirectory(Root);

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Writes a file, creating its folders.</summary>
    public string Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

/// <summary>Waits for a provider's status to reach a condition, signalled by <see cref="FileRuleSetProvider.StatusChanged"/>.</summary>
internal sealed class StatusWaiter : IDisposable
{
    // Generous: file-system events and timers run late on a loaded machine.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(45);

    private readonly FileRuleSetProvider _provider;
    private readonly Func<RuleSetStatus, bool> _condition;
    private readonly TaskCompletionSource<RuleSetStatus> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StatusWaiter(FileRuleSetProvider provider, Func<RuleSetStatus, bool> condition)
    {
        _provider = provider;
        _condition = condition;
        provider.StatusChanged += OnStatusChanged;
    }

    public Task<RuleSetStatus> Task => _reached.Task.WaitAsync(s_timeout);

    public void Dispose() => _provider.StatusChanged -= OnStatusChanged;

    private void OnStatusChanged(object? sender, RuleSetStatus status)
    {
        if (_condition(status))
        {
            _reached.TrySetResult(status);
        }
    }
}
