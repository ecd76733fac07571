using StackExchange.Redis;

namespace ComplaintRules.Redis.Tests;

/// <summary>Feeds the input stream and reads back the output stream of the stream worker.</summary>
public static class StreamOutput
{
    private static readonly string[] s_texts =
    [
        "You charged my card twice. I want a refund or I will complain to the CFPB.",
        "The annual fee was supposed to be waived, and you still took it. This is the third time I am calling!",
        "Your agent was rude and hung up on me.",
        "The app keeps crashing when I try to transfer money, please fix it.",
        "I was promised a lower rate when I signed up. I expect you to honour it.",
    ];

    public static List<Complaint> Complaints(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Complaint { Id = $"w-{i:D6}", Text = s_texts[i % s_texts.Length], CustomerId = $"cust-{i % 500}" })];

    // Each entry carries a full assessment (about 6 KB): pages of 100 keep one read near 600 KB. Pages of 5,000 (30 MB)
    // and then of 500 (3 MB) each once took longer than a 2 s timeout on a machine busy with other builds.
    private const int PageSize = 100;

    /// <summary>The complaint ids in the output stream, with repeats.</summary>
    public static List<string> Ids(IDatabase db, string stream)
    {
        var ids = new List<string>();
        RedisValue from = "-";
        while (true)
        {
            var page = db.StreamRange(stream, from, "+", PageSize);
            var start = from == "-" ? 0 : 1; // the range is inclusive: the first entry was the last of the page before
            for (var i = start; i < page.Length; i++)
            {
                Assert.False(page[i]["assessment"].IsNull, $"entry {page[i].Id} has no assessment: {page[i]["error"]}");
                ids.Add(page[i]["id"]!);
            }

            if (page.Length < PageSize)
            {
                return ids;
            }

            from = page[^1].Id;
        }
    }
}
