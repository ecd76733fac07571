using System.Text;
using ComplaintRules.Cli.Input;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ComplaintRules.Tests.Cli;

/// <summary>The command line decodes its input itself, so it knows which lines held invalid UTF-8 and can say so.</summary>
public class Utf8InputReaderTests
{
    private static readonly byte[][] s_pieces =
    [
        "a"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "说"u8.ToArray(), "😀"u8.ToArray(), "é"u8.ToArray(),
        [0xFF], [0xC3], [0xE8, 0xAF], [0xF0, 0x9F, 0x98], [0x80], [0xED, 0xA0, 0x80], // invalid or cut short
    ];

    [Property(MaxTest = 300)]
    public void Decodes_as_the_framework_does_and_flags_exactly_the_lines_with_invalid_utf8(int[] pieceIndexes, PositiveInt chunk)
    {
        var bytes = new[] { "{"u8.ToArray() }.Concat((pieceIndexes ?? []).Select(i => s_pieces[Math.Abs(i % s_pieces.Length)])).SelectMany(b => b).ToArray();
        using var reader = new Utf8InputReader(new TrickleStream(bytes, 1 + (chunk.Get % 7)));

        var text = reader.ReadToEnd();

        Assert.Equal(Encoding.UTF8.GetString(bytes), text);
        var lines = Split(bytes);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(!System.Text.Unicode.Utf8.IsValid(lines[i]), reader.HadInvalidUtf8(i + 1));
        }
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_skipped_and_utf16_is_still_read()
    {
        using var utf8 = new Utf8InputReader(new MemoryStream([.. "\uFEFF"u8, .. "{}"u8]));
        using var utf16 = new Utf8InputReader(new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"说\"}\n")]));

        Assert.Equal("{}", await utf8.ReadToEndAsync());
        Assert.Equal("{\"说\"}\n", await utf16.ReadToEndAsync());
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return lines;
    }

    /// <summary>Gives at most a few bytes per read, as a pipe may, so sequences arrive split.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(most, buffer.Length)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(most, buffer.Length)], cancellationToken);
    }
}
