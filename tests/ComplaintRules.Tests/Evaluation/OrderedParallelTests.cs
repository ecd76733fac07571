using System.Runtime.CompilerServices;
using ComplaintRules.Evaluation;

namespace ComplaintRules.Tests.Evaluation;

public class OrderedParallelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task No_more_items_are_mapped_at_once_than_the_degree_of_parallelism_and_all_come_back_in_order(int degree)
    {
        var counters = new int[2]; // [0] mapping now, [1] the most at once
        var results = new List<int>();
        await foreach (var result in OrderedParallel.SelectAsync(Numbers(60), i =>
        {
            var now = Interlocked.Increment(ref counters[0]);
            for (var most = Volatile.Read(ref counters[1]); now > most; most = Volatile.Read(ref counters[1]))
            {
                Interlocked.CompareExchange(ref counters[1], now, most);
            }

            Thread.Sleep(2); // room for other mappings to start beside this one, were they let
            Interlocked.Decrement(ref counters[0]);
            return i * 2;
        }, degree))
        {
            results.Add(result);
        }

        Assert.Equal(Enumerable.Range(0, 60).Select(i => i * 2), results);
        Assert.InRange(counters[1], 1, degree);
    }

    private static async IAsyncEnumerable<int> Numbers(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return i;
        }
    }
}
