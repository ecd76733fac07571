using System.Text.Json;
using StackExchange.Redis;

namespace ComplaintRules.Samples.StreamWorker;

/// <summary>Adds complaints to the input stream, pipelined: what an intake system would do.</summary>
public static class StreamProducer
{
    /// <summary>Adds each complaint as an entry with a field <c>complaint</c> (the complaint's id and text as JSON).</summary>
    /// <returns>How many were added.</returns>
    public static async Task<int> AddAsync(IDatabase db, string stream, IEnumerable<Complaint> complaints)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(complaints);
        var pending = new List<Task>();
        var count = 0;
        foreach (var complaint in complaints)
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, string?> { ["id"] = complaint.Id, ["text"] = complaint.Text, ["customerId"] = complaint.CustomerId, ["product"] = complaint.Product });
            pending.Add(db.StreamAddAsync(stream, "complaint", json));
            count++;
            if (pending.Count == 1_000)
            {
                await Task.WhenAll(pending).ConfigureAwait(false);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        return count;
    }
}
