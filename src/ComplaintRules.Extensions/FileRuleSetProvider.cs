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
/// JSON is retried before the reload counts as failed. Reloads are serialised. The watchers follow what a file's path
/// resolves to (symlink swaps such as a Kubernetes ConfigMap's <c>..data</c>, a replaced folder), and
/// <see cref="ComplaintRulesOptions.ReloadPollInterval"/> polls as a fallback; content identical to what was loaded,
/// by SHA-256, compiles nothing. A deleted or unreadable file keeps the last good rule set serving and makes
/// <see cref="Status"/> degraded with the reason.
/// </remarks>
public sealed partial class FileRuleSetProvider : ComplaintRuleSetProvider, IDisposable
{
    private const int MalformedRetries = 3;

    private readonly IReadOnlyList<RuleSetSource> _fixedSources;
    private readonly IReadOnlyList<string> _files;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _delay;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RuleFileWatcher? _watcher;
    private readonly ITimer? _debounce;
    private readonly ITimer? _poll;
    private ComplaintRuleSet _current;
    private RuleSetStatus _status;
    private int _malformedAttempts;
    private string _loadedFingerprint;
    private string _seenFingerprint;
    private string? _failedFingerprint;
    private int _polling;
    private volatile bool _disposed;

    /// <summary>Loads the rule set the options describe and, with <see cref="ComplaintRulesOptions.ReloadOnChange"/>, watches its files.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for load times, the reload delay and polling; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="RuleSetException">The rule set cannot be loaded; diagnostics name each file by its resolved path.</exception>
    public FileRuleSetProvider(ComplaintRulesOptions options, TimeProvider? timeProvider = null, ILogger<FileRuleSetProvider>? logger = null)
        : this(options, timeProvider, logger, validated: null)
    {
    }

    // In a host, the options validator has compiled the rule set already: served as it is when the files are unchanged.
    internal FileRuleSetProvider(ComplaintRulesOptions options, TimeProvider? timeProvider, ILogger<FileRuleSetProvider>? logger, ValidatedRuleSets? validated)
    {
        ArgumentNullException.ThrowIfNull(options);
        _fixedSources = options.BuildFixedSources();
        _files = options.ResolveRuleFiles();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _delay = options.ReloadDelay;
        var snapshot = RuleFileSnapshot.Read(_files);
        _current = validated?.Take(options, snapshot.Fingerprint) ?? ComplaintRuleSet.Load(snapshot.Sources(_fixedSources));
        _loadedFingerprint = _seenFingerprint = snapshot.Fingerprint;
        _status = new RuleSetStatus(_current.Name, _current.Version, _current.Hash, _time.GetUtcNow(), 0, 0, null, null, []);
        LogLoaded(_logger, _current);
        ComplaintRulesTelemetry.TrackServedRuleSet(this); // every instance reports the hash it serves

        if (options.ReloadOnChange && _files.Count > 0)
        {
            _debounce = _time.CreateTimer(_ => _ = ReloadFromTimerAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _watcher = new RuleFileWatcher(_files, ScheduleCheck);
            if (options.ReloadPollInterval > TimeSpan.Zero)
            {
                _poll = _time.CreateTimer(_ => Poll(), null, options.ReloadPollInterval, options.ReloadPollInterval);
            }
        }
    }

    /// <summary>Raised after every reload attempt that changed <see cref="Status"/> (success or failure), on a background thread.</summary>
    public event EventHandler<RuleSetStatus>? StatusChanged;

    /// <inheritdoc/>
    public override ComplaintRuleSet Current => Volatile.Read(ref _current);

    /// <summary>The clock of load times and reloads, also the health check's.</summary>
    internal TimeProvider Clock => _time;

    /// <summary>What is serving and how the last reload went.</summary>
    public RuleSetStatus Status => Volatile.Read(ref _status).WithRuleFaultsOf(Current);

    /// <summary>
    /// Reads the rule files now and, when their content differs from what was loaded, rebuilds the rule set off the
    /// calling thread and swaps it in if it is valid. A file that is missing or unreadable fails the reload like an invalid one.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for a reload already in progress.</param>
    /// <returns><see langword="true"/> when a new rule set now serves.</returns>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var snapshot = await Task.Run(() => RuleFileSnapshot.Read(_files), cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _seenFingerprint, snapshot.Fingerprint);
            if (snapshot.Fingerprint == _loadedFingerprint)
            {
                _malformedAttempts = 0;
                SkipUnchanged(Current.Hash);
                return false;
            }

            if (snapshot.Fingerprint == _failedFingerprint)
            {
                return false; // the same broken content was reported already
            }

            var (ruleSet, diagnostics, malformed) = await Task.Run(() => RuleSetLoader.TryLoadDetailed(snapshot.Sources(_fixedSources)), cancellationToken).ConfigureAwait(false);
            if (ruleSet is null)
            {
                if (malformed && _debounce is not null && ++_malformedAttempts <= MalformedRetries)
                {
                    _debounce.Change(_delay, Timeout.InfiniteTimeSpan); // probably still being written: look again shortly
                    return false;
                }

                _malformedAttempts = 0;
                _failedFingerprint = snapshot.Fingerprint;
                var error = new RuleSetException(diagnostics).Message;
                var status = Status.WithFailure(error, _time.GetUtcNow(), diagnostics);
                Volatile.Write(ref _status, status);
                ComplaintRulesTelemetry.Reloads.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ReloadOutcome, "failure"));
                LogReloadFailed(diagnostics.Count, error);
                StatusChanged?.Invoke(this, status);
                return false;
            }

            _malformedAttempts = 0;
            _failedFingerprint = null;
            _loadedFingerprint = snapshot.Fingerprint;
            if (ruleSet.Hash == Current.Hash)
            {
                SkipUnchanged(ruleSet.Hash);
                return false;
            }

            Volatile.Write(ref _current, ruleSet);
            ComplaintRulesTelemetry.Reloads.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ReloadOutcome, "success"));
            LogLoaded(_logger, ruleSet);
            SetStatus(new RuleSetStatus(ruleSet.Name, ruleSet.Version, ruleSet.Hash, _time.GetUtcNow(), Status.Reloads + 1, Status.FailedReloads, null, null, []));
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops watching files.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _watcher?.Dispose();
        _poll?.Dispose();
        _debounce?.Dispose();
    }

    // The files are as they were when the serving rule set was loaded: nothing to compile, and no longer degraded.
    private void SkipUnchanged(string hash)
    {
        ComplaintRulesTelemetry.Reloads.Add(1, new KeyValuePair<string, object?>(TelemetryTags.ReloadOutcome, "unchanged"));
        LogUnchanged(_logger, hash);
        if (Status.IsDegraded)
        {
            SetStatus(Status.WithoutError());
        }
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
            _watcher?.Rewire(); // a folder replaced since the last look is a new one to watch
            await ReloadAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A background reload must never take the host down; the error is in the log and the status.
            LogReloadFailed(1, ex.Message);
        }
    }

    private void ScheduleCheck()
    {
        try
        {
            if (!_disposed)
            {
                _debounce?.Change(_delay, Timeout.InfiniteTimeSpan);
            }
        }
        catch (ObjectDisposedException)
        {
            // disposed meanwhile: nothing to reload
        }
    }

    // The fallback for changes no watcher reports: compare the files' content with what the last check saw.
    private void Poll()
    {
        if (_disposed || Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        try
        {
            if (RuleFileSnapshot.Read(_files).Fingerprint != Volatile.Read(ref _seenFingerprint))
            {
                ScheduleCheck();
            }
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    // Defined by hand, not generated: the placeholders are the dotted tag names of TelemetryTags, as on metrics and
    // spans, where the analyzer expects PascalCase.
#pragma warning disable CA1727
    private static readonly Action<ILogger, string, string, string, string, Exception?> s_loaded = LoggerMessage.Define<string, string, string, string>(
        LogLevel.Information,
        new EventId(1, nameof(LogLoaded)),
        "Rule set serving: {" + TelemetryTags.RuleSetName + "} {" + TelemetryTags.RuleSetVersion + "} ({" + TelemetryTags.RuleSetHash + "}) from {" + TelemetryTags.RuleSetSources + "}");

    private static readonly Action<ILogger, int, string, string, Exception?> s_reloadFailed = LoggerMessage.Define<int, string, string>(
        LogLevel.Error,
        new EventId(2, nameof(LogReloadFailed)),
        "Rule-set reload failed with {ErrorCount} error(s); the previous rule set ({" + TelemetryTags.RuleSetHash + "}) keeps serving. {Error}");

    private static readonly Action<ILogger, string, Exception?> s_unchanged = LoggerMessage.Define<string>(
        LogLevel.Debug,
        new EventId(3, nameof(LogUnchanged)),
        "Rule-set reload skipped: content unchanged ({" + TelemetryTags.RuleSetHash + "})");
#pragma warning restore CA1727

    private static void LogLoaded(ILogger logger, ComplaintRuleSet ruleSet) =>
        s_loaded(logger, ruleSet.Name, ruleSet.Version, ruleSet.Hash, string.Join(", ", ruleSet.Sources), null);

    private void LogReloadFailed(int errorCount, string error) => s_reloadFailed(_logger, errorCount, Current.Hash, error, null);

    private static void LogUnchanged(ILogger logger, string hash) => s_unchanged(logger, hash, null);
}
