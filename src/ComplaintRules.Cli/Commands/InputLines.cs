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
                if (data.Span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || data.Span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
                {
                    // UTF-16 with a byte order mark (Windows PowerShell writes it): decoded as text, as before.
                    using var utf16 = new StreamReader(new PrefixedStream(buffer[..read], stream), detectEncodingFromByteOrderMarks: true);
                    await foreach (var text in ReadCharsAsync(utf16, cancellationToken))
                    {
                        yield return text;
                    }

                    yield break;
                }

                if (data.Span.StartsWith("\uFEFF"u8))
                {
                    data = data[3..]; // a UTF-8 byte order mark
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

    /// <summary>Bytes already read, then the rest of the stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_at == prefix.Length)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, prefix.Length - _at);
            prefix.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _at == prefix.Length ? await rest.ReadAsync(buffer, cancellationToken) : Read(buffer.Span);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
