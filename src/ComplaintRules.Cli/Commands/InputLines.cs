using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace ComplaintRules.Cli.Commands;

/// <summary>One line of JSON Lines input, and whether its bytes were not valid UTF-8 (each bad sequence became U+FFFD).</summary>
internal readonly record struct InputLine(string Text, bool InvalidUtf8);

/// <summary>
/// Splits JSON Lines input at <c>\n</c> only: a raw CR inside a line stays in it (the JSON parser then rejects that
/// one line) instead of splitting it and shifting every later line number; a CR before the <c>\n</c> (Windows line
/// ends) is dropped. A file or standard input is read as bytes, so a line with invalid UTF-8 is known and can be
/// warned about rather than silently changed.
/// </summary>
internal static class InputLines
{
    private const int BufferSize = 1 << 16;

    public static IAsyncEnumerable<InputLine> ReadAsync(TextReader reader, CancellationToken cancellationToken = default) =>
        reader is StreamReader { BaseStream: { CanRead: true } stream } ? ReadBytesAsync(stream, cancellationToken) : ReadCharsAsync(reader, cancellationToken);

    private static async IAsyncEnumerable<InputLine> ReadBytesAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var line = new ArrayBufferWriter<byte>(BufferSize);
        var first = true;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var data = buffer.AsMemory(0, read);
            if (first)
            {
                first = false;
                if (data.Span.StartsWith("\uFEFF"u8) || (read < 3 && "\uFEFF"u8.StartsWith(data.Span)))
                {
                    data = data[Math.Min(3, read)..]; // a UTF-8 byte order mark
                }
            }

            int end;
            while ((end = data.Span.IndexOf((byte)'\n')) >= 0)
            {
                line.Write(data.Span[..end]);
                yield return Decode(line.WrittenSpan);
                line.ResetWrittenCount();
                data = data[(end + 1)..];
            }

            line.Write(data.Span);
        }

        if (line.WrittenCount > 0)
        {
            yield return Decode(line.WrittenSpan);
        }
    }

    private static InputLine Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return new InputLine(Encoding.UTF8.GetString(bytes), !Utf8.IsValid(bytes));
    }

    private static async IAsyncEnumerable<InputLine> ReadCharsAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new char[BufferSize];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var data = buffer.AsMemory(0, read);
            int end;
            while ((end = data.Span.IndexOf('\n')) >= 0)
            {
                line.Append(data.Span[..end]);
                yield return Take(line);
                data = data[(end + 1)..];
            }

            line.Append(data.Span);
        }

        if (line.Length > 0)
        {
            yield return Take(line);
        }
    }

    private static InputLine Take(StringBuilder line)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        var text = line.ToString();
        line.Clear();
        return new InputLine(text, false);
    }
}
