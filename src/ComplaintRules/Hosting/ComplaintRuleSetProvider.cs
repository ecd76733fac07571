using ComplaintRules.Diagnostics;
using ComplaintRules.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplaintRules;

/// <summary>
/// Serves the current rule set and, when asked to, rebuilds it when its files change: a new snapshot is loaded,
/// validated and compiled off the request path and swapped in atomically. A failed reload keeps the last good
/// snapshot serving and is reported in <see cref="Status"/>, in the log and on the <c>ComplaintRules</c> meter.
/// </summary>
/// <remarks>
/// File-system watchers fire several events per save, the first often before the editor has finished writing, so
/// changes are debounced by <see cref="ComplaintRulesOptions.ReloadDelay"/>, and a file that is not yet well-formed
/// JSON is retried before the reload counts as failed. Reloads are serialised; identical content is skipped.
/// </remarks>
public sealed partial class ComplaintRuleSetProvider : IDisposable
{
    private const int MalformedRetries = 3;

    private readonly IReadOnlyList<RuleSetSource> _sources;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _delay;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ITimer? _debounce;
    private ComplaintRuleSet _current;
    private RuleSetStatus _status;
    private int _malformedAttempts;
    private bool _disposed;

    /// <summary>Loads the rule set the options describe and, with <see cref="ComplaintRulesOptions.ReloadOnChange"/>, watches its files.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for load times and the reload delay; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="RuleSetException">The rule set cannot be loaded.</exception>
    public ComplaintRuleSetProvider(ComplaintRulesOptions options, TimeProvider? timeProvider = null, ILogger<ComplaintRuleSetProvider>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sources = options.BuildSources();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _delay = options.ReloadDelay;
        _current = ComplaintRuleSet.Load(_sources);
        _status = new RuleSetStatus(_current.Name, _current.Version, _current.Hash, _time.GetUtcNow(), 0, 0, null, null, []);
        LogLoaded(_logger, _current);

        if (options.ReloadOnChange && options.RuleFiles.Count > 0)
        {
            _debounce = _time.CreateTimer(_ => _ = ReloadFromTimerAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            Watch(options.RuleFiles);
        }
    }

    /// <summary>Raised after every reload attempt that changed <see cref="Status"/> (success or failure), on a background thread.</summary>
    public event EventHandler<RuleSetStatus>? StatusChanged;

    /// <summary>The rule set serving now. Read it once per unit of work: it may be replaced at any moment.</summary>
    public ComplaintRuleSet Current => Volatile.Read(ref _current);

    /// <summary>What is serving and how the last reload went.</summary>
    public RuleSetStatus Status => Volatile.Read(ref _status).WithRuleFaultsOf(Current);

    /// <summary>Rebuilds the rule set from its sources now, off the calling thread, and swaps it in if it is valid and different.</summary>
    /// <param name="cancellationToken">Cancels the wait for a reload already in progress.</param>
    /// <returns><see langword="true"/> when a new rule set now serves.</returns>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (ruleSet, diagnostics, malformed) = await Task.Run(() => RuleSetLoader.TryLoadDetailed(_sources), cancellationToken).ConfigureAwait(false);
            if (ruleSet is null)
            {
                if (malformed && _debounce is not null && ++_malformedAttempts <= MalformedRetries)
                {
                    _debounce.Change(_delay, Timeout.InfiniteTimeSpan); // probably still being written: look again shortly
                    return false;
                }

                _malformedAttempts = 0;
                var error = new RuleSetException(diagnostics).Message;
                var status = Status with { FailedReloads = Status.FailedReloads + 1, LastError = error, LastErrorAt = _time.GetUtcNow(), LastErrorDiagnostics = diagnostics };
                Volatile.Write(ref _status, status);
                ComplaintRulesTelemetry.Reloads.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
                LogReloadFailed(_logger, diagnostics.Count, error);
                StatusChanged?.Invoke(this, status);
                return false;
            }

            _malformedAttempts = 0;
            if (ruleSet.Hash == Current.Hash)
            {
                ComplaintRulesTelemetry.Reloads.Add(1, new KeyValuePair<string, object?>("outcome", "unchanged"));
                LogUnchanged(_logger, ruleSet.Hash);
                if (Status.IsDegraded)
                {
                    SetStatus(Status with { LastError = null, LastErrorAt = null, LastErrorDiagnostics = [] });
                }

                return false;
            }

            Volatile.Write(ref _current, ruleSet);
            ComplaintRulesTelemetry.Reloads.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            LogLoaded(_logger, ruleSet);
            SetStatus(new RuleSetStatus(ruleSet.Name, ruleSet.Version, ruleSet.Hash, _time.GetUtcNow(), Status.Reloads + 1, Status.FailedReloads, null, null, []));
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How a consumer reads its rule set: always the same one.</summary>
    internal static Func<ComplaintRuleSet> Fixed(ComplaintRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return () => ruleSet;
    }

    /// <summary>How a consumer reads its rule set: whatever the provider serves now (hot reload).</summary>
    internal static Func<ComplaintRuleSet> Following(ComplaintRuleSetProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return () => provider.Current;
    }

    /// <summary>Stops watching files.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _debounce?.Dispose();
    }

    private void SetStatus(RuleSetStatus status)
    {
        Volatile.Write(ref _status, status);
        StatusChanged?.Invoke(this, status);
    }

    private async Task ReloadFromTimerAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            await ReloadAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A background reload must never take the host down; the error is in the log and the status.
            LogReloadFailed(_logger, 1, ex.Message);
        }
    }

    private void Watch(IEnumerable<string> files)
    {
        foreach (var group in files.Select(Path.GetFullPath).GroupBy(f => Path.GetDirectoryName(f)!, StringComparer.Ordinal))
        {
            var names = group.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
            var watcher = new FileSystemWatcher(group.Key)
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            FileSystemEventHandler onChange = (_, e) =>
            {
                if (names.Contains(e.Name ?? ""))
                {
                    _debounce!.Change(_delay, Timeout.InfiniteTimeSpan);
                }
            };
            watcher.Changed += onChange;
            watcher.Created += onChange;
            watcher.Renamed += (_, e) => onChange(watcher, e);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Rule set serving: {RuleSet}")]
    private static partial void LogLoaded(ILogger logger, ComplaintRuleSet ruleSet);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Rule-set reload failed with {ErrorCount} error(s); the previous rule set keeps serving. {Error}")]
    private static partial void LogReloadFailed(ILogger logger, int errorCount, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Rule-set reload skipped: content unchanged ({Hash})")]
    private static partial void LogUnchanged(ILogger logger, string hash);
}
