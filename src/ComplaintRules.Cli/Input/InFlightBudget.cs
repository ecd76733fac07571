namespace ComplaintRules.Cli.Input;

/// <summary>
/// Bounds the bytes held by lines between the reader and the writer. An amount that does not fit waits until
/// enough is released; one larger than the whole budget is let through alone, so a long line never deadlocks.
/// </summary>
internal sealed class InFlightBudget
{
    private readonly Lock _lock = new();
    private long _inFlight;
    private TaskCompletionSource? _released;

    public InFlightBudget(long limitBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limitBytes, 1);
        LimitBytes = limitBytes;
    }

    public long LimitBytes { get; }

    /// <summary>The most bytes ever held at once.</summary>
    public long PeakBytes { get; private set; }

    public bool TryAcquire(long bytes)
    {
        lock (_lock)
        {
            return TryAcquireLocked(bytes);
        }
    }

    public async ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task released;
            lock (_lock)
            {
                if (TryAcquireLocked(bytes))
                {
                    return;
                }

                _released ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                released = _released.Task;
            }

            await released.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Release(long bytes)
    {
        TaskCompletionSource? waiting;
        lock (_lock)
        {
            _inFlight -= bytes;
            waiting = _released;
            _released = null;
        }

        waiting?.TrySetResult();
    }

    private bool TryAcquireLocked(long bytes)
    {
        if (_inFlight > 0 && _inFlight + bytes > LimitBytes)
        {
            return false;
        }

        _inFlight += bytes;
        PeakBytes = Math.Max(PeakBytes, _inFlight);
        return true;
    }
}
