using ComplaintRules.Cli.Input;

namespace ComplaintRules.Tests.Cli;

public class BoundedLineReaderTests
{
    [Fact]
    public void Lines_split_at_newline_only_and_a_trailing_carriage_return_is_dropped()
    {
        var reader = new BoundedLineReader(new StringReader("first\r\nsec\rond\n\nlast"), maxLineLength: 100);

        var lines = ReadAll(reader);

        Assert.Equal([new InputLine(1, "first"), new InputLine(2, "sec\rond"), new InputLine(3, ""), new InputLine(4, "last")], lines);
    }

    [Theory]
    [InlineData(10, "0123456789", false)]
    [InlineData(10, "0123456789\r", false)]
    [InlineData(10, "0123456789A", true)]
    [InlineData(4, "", false)]
    public void A_line_is_too_long_only_above_the_limit(int limit, string line, bool tooLong)
    {
        var reader = new BoundedLineReader(new StringReader(line + "\nnext"), limit);

        var lines = ReadAll(reader);

        Assert.Equal(tooLong, lines[0].IsTooLong);
        Assert.Equal(new InputLine(2, "next"), lines[1]);
    }

    [Fact]
    public void Skipping_a_line_far_over_the_limit_allocates_about_the_limit_not_the_line()
    {
        const int Limit = 10_000;
        var hugeLine = new string('x', 20_000_000);        // 40 MB as UTF-16
        var reader = new BoundedLineReader(new StringReader(hugeLine + "\n{\"id\": \"after\"}\n"), Limit);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var lines = ReadAll(reader);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal([new InputLine(1, null), new InputLine(2, "{\"id\": \"after\"}")], lines);
        Assert.True(allocated < 8 * Limit * sizeof(char), $"skipping a 20,000,000-character line allocated {allocated:N0} bytes");
    }

    // StringReader completes every read synchronously, so the reads stay on this thread and its allocation count.
    private static List<InputLine> ReadAll(BoundedLineReader reader)
    {
        var lines = new List<InputLine>();
        while (true)
        {
            var next = reader.ReadLineAsync().AsTask();
            Assert.True(next.IsCompleted);
            if (next.Result is not { } line)
            {
                return lines;
            }

            lines.Add(line);
        }
    }
}
