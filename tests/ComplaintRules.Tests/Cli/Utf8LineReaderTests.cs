using System.Text;
using ComplaintRules.Cli.Input;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Cli;

/// <summary>
/// The batch splits UTF-8 input into lines without decoding it: every line, number, limit verdict and invalid-UTF-8
/// flag must be what the decoding readers (<see cref="Utf8InputReader"/> under <see cref="BoundedLineReader"/>) give.
/// </summary>
public class Utf8LineReaderTests
{
    private static readonly byte[][] s_pieces =
    [
        "a"u8.ToArray(), "bc "u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), "说"u8.ToArray(), "😀"u8.ToArray(),
        "é"u8.ToArray(), "\u3000"u8.ToArray(), "\uFEFF"u8.ToArray(), [0xFF], [0xC3], [0xE8, 0xAF], [0xF0, 0x9F, 0x98], [0x80],
        [0xED, 0xA0, 0x80], [.. Enumerable.Repeat((byte)'x', 40)], [.. Enumerable.Repeat("说"u8.ToArray(), 15).SelectMany(b => b)],
    ];

    [Property(MaxTest = 400)]
    public void Reads_the_lines_the_decoding_readers_read(int[] pieceIndexes, PositiveInt limit, PositiveInt chunk, bool byteOrderMark)
    {
        var bytes = (byteOrderMark ? "\uFEFF"u8.ToArray() : [])
            .Concat((pieceIndexes ?? []).SelectMany(i => s_pieces[Math.Abs(i % s_pieces.Length)])).ToArray();
        var maxLineLength = 1 + (limit.Get % 60);
        var most = 1 + (chunk.Get % 50);

        var expected = DecodedLines(bytes, maxLineLength, most);
        var actual = ByteLines(bytes, maxLineLength, most);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task A_utf16_byte_order_mark_hands_the_input_back_as_text()
    {
        var bytes = (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"说\"}\nnext")];
        var reader = new Utf8LineReader(new MemoryStream(bytes), 100);

        await reader.FillAsync();

        Assert.True(reader.IsUtf16);
        Assert.Equal("{\"说\"}\nnext", await reader.TextReader().ReadToEndAsync());
    }

    [Fact]
    public async Task A_line_far_over_the_limit_is_skipped_while_held_bytes_stay_near_the_limit()
    {
        const int Limit = 1_000;
        var bytes = (byte[])[.. Enumerable.Repeat((byte)'x', 5_000_000), .. "\nnext\n"u8];
        var reader = new Utf8LineReader(new MemoryStream(bytes), Limit);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var lines = await ReadAllAsync(reader);

        Assert.Equal([(1, (string?)null, false), (2, "next", false)], lines);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "the skipped line was held whole");
    }

    [Property(MaxTest = 300)]
    public void A_line_is_blank_exactly_when_its_text_is_white_space(int[] pieceIndexes)
    {
        byte[][] pieces = [" "u8.ToArray(), "\t"u8.ToArray(), "\r"u8.ToArray(), [0x0B], [0x0C], [0x1C], "\u3000"u8.ToArray(), "\u00A0"u8.ToArray(), "\u0085"u8.ToArray(), "a"u8.ToArray(), [0xFF], "\u200B"u8.ToArray()];
        var line = (pieceIndexes ?? []).SelectMany(i => pieces[Math.Abs(i % pieces.Length)]).ToArray();

        Assert.Equal(string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line)), Utf8Lines.IsBlank(line));
    }

    private static List<(int Number, string? Text, bool Invalid)> DecodedLines(byte[] bytes, int maxLineLength, int most)
    {
        using var decoding = new Utf8InputReader(new TrickleStream(bytes, most));
        var reader = new BoundedLineReader(decoding, maxLineLength);
        var lines = new List<(int, string?, bool)>();
        while (reader.ReadLineAsync().AsTask().GetAwaiter().GetResult() is { } line)
        {
            lines.Add((line.Number, line.Text, !line.IsTooLong && decoding.HadInvalidUtf8(line.Number)));
        }

        return lines;
    }

    private static List<(int Number, string? Text, bool Invalid)> ByteLines(byte[] bytes, int maxLineLength, int most) =>
        ReadAllAsync(new Utf8LineReader(new TrickleStream(bytes, most), maxLineLength)).GetAwaiter().GetResult();

    private static async Task<List<(int Number, string? Text, bool Invalid)>> ReadAllAsync(Utf8LineReader reader)
    {
        var lines = new List<(int, string?, bool)>();
        await reader.FillAsync();
        while (true)
        {
            var status = reader.TryRead(out var start, out var length, out var number);
            switch (status)
            {
                case Utf8LineReader.Status.NeedsInput:
                    await reader.FillAsync();
                    continue;
                case Utf8LineReader.Status.End:
                    return lines;
                case Utf8LineReader.Status.TooLong:
                    lines.Add((number, null, false));
                    continue;
                default:
                    var line = reader.Bytes(start, length);
                    lines.Add((number, Encoding.UTF8.GetString(line), !System.Text.Unicode.Utf8.IsValid(line)));
                    continue;
            }
        }
    }

    /// <summary>Gives at most a few bytes per read, as a pipe may, so lines and sequences arrive split.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(most, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(most, buffer.Length)], cancellationToken);
    }
}
