using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ComplaintRules.Evaluation;

/// <summary>
/// Maps a stream on several threads, yielding results in input order, with a bounded number of items in flight:
/// memory stays constant however long the stream, and a slow consumer slows the producer. At most
/// <c>degreeOfParallelism</c> items are mapped at once; a few more wait, done, for their turn to be yielded.
/// </summary>
internal static class OrderedParallel
{
    public static async IAsyncEnumerable<TOut> SelectAsync<TIn, TOut>(
        IAsyncEnumerable<TIn> source,
        Func<TIn, TOut> selector,
        int degreeOfParallelism,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Each item becomes a task; the channel holds them in input order and bounds how many run ahead.
        var inFlight = Channel.CreateBounded<Task<TOut>>(new BoundedChannelOptions(degreeOfParallelism * 4)
        {
            SingleReader = true,
            SingleWriter = true,
        });

        // The channel alone bounds the items started, not those running: a host that asks for one thread would get
        // four. A slot is taken before an item starts and given back when its mapping ends. (Not disposed: a mapping
        // still running when the consumer stops gives its slot back after.)
        var running = new SemaphoreSlim(degreeOfParallelism, degreeOfParallelism);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token).ConfigureAwait(false))
                {
                    await running.WaitAsync(stop.Token).ConfigureAwait(false);
                    var work = Task.Factory.StartNew(static state =>
                    {
                        var (f, x, slots) = ((Func<TIn, TOut>, TIn, SemaphoreSlim))state!;
                        try
                        {
                            return f(x);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, (selector, item, running), stop.Token, TaskCreationOptions.None, TaskScheduler.Default);
                    await inFlight.Writer.WriteAsync(work, stop.Token).ConfigureAwait(false);
                }

                inFlight.Writer.Complete();
            }
            catch (Exception ex)
            {
                inFlight.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var work in inFlight.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return await work.ConfigureAwait(false);
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }
}
