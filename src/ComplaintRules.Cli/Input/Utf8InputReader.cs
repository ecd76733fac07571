using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ComplaintRules.Cli.Input;

/// <summary>
/// Decodes UTF-8 input for whatever splits it into lines, replacing each invalid byte sequence with U+FFFD as a
/// <see cref="StreamReader"/> would, and remembers which lines held one (counted at <c>\n</c>, as line numbers are),
/// so that the assessment of that line can say its text was changed rather than change it silently.
/// </summary>
/// <remarks>A UTF-8 byte order mark is skipped; input with a UTF-16 byte order mark (Windows PowerShell writes it) is decoded as UTF-16.</remarks>
internal sealed class Utf8InputReader : TextReader
{
    private readonly Stream _stream;
    private readonly byte[] _bytes = new byte[1 << 16];
    private readonly char[] _chars = new char[1 << 15];
    private readonly HashSet<int> _invalidLines = [];
    private TextReader? _utf16;
    private int _byteStart;
    private int _byteEnd;
    private int _charStart;
    private int _charEnd;
    private int _line = 1;
    private bool _started;
    private bool _endOfInput;

    public Utf8InputReader(Stream stream) => _stream = stream;

    /// <summary>Decodes a reader's underlying bytes when it has them (a file or standard input); any other reader as it is.</summary>
    public static TextReader Over(TextReader reader) =>
        reader is StreamReader { BaseStream: { CanRead: true } stream } ? new Utf8InputReader(stream) : reader;

    /// <summary>Whether the 1-based line held invalid UTF-8; thread-safe, for the workers that analyse the lines.</summary>
    public bool HadInvalidUtf8(int lineNumber)
    {
        lock (_invalidLines)
        {
            return _invalidLines.Contains(lineNumber);
        }
    }

    public override int Read(Span<char> buffer)
    {
        if (_charStart == _charEnd && !Decode())
        {
            return 0;
        }

        return Copy(buffer);
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => _charStart < _charEnd || Decode() ? _chars[_charStart] : -1;

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        while (_charStart == _charEnd)
        {
            if (_utf16 is not null)
            {
                return await _utf16.ReadAsync(buffer, cancellationToken);
            }

            if (!NeedsBytes())
            {
                DecodeBuffered();
                continue;
            }

            if (_endOfInput)
            {
                return 0;
            }

            Compact();
            var read = await _stream.ReadAsync(_bytes.AsMemory(_byteEnd), cancellationToken);
            Received(read);
        }

        return Copy(buffer.Span);
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
            _utf16?.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Copy(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, _charEnd - _charStart);
        _chars.AsSpan(_charStart, n).CopyTo(buffer);
        _charStart += n;
        return n;
    }

    // Synchronous reading: fills and decodes until there are characters or the input ends.
    private bool Decode()
    {
        while (_charStart == _charEnd)
        {
            if (_utf16 is not null)
            {
                _charStart = 0;
                _charEnd = _utf16.Read(_chars);
                return _charEnd > 0;
            }

            if (!NeedsBytes())
            {
                DecodeBuffered();
                continue;
            }

            if (_endOfInput)
            {
                return false;
            }

            Compact();
            Received(_stream.Read(_bytes.AsSpan(_byteEnd)));
        }

        return true;
    }

    // More bytes are needed before the byte order mark is known, when none are buffered, or when only the start of a
    // sequence that may continue is.
    private bool NeedsBytes()
    {
        if (!_started || _byteStart == _byteEnd)
        {
            return true;
        }

        var status = Rune.DecodeFromUtf8(_bytes.AsSpan(_byteStart, _byteEnd - _byteStart), out _, out _);
        return status == OperationStatus.NeedMoreData && !_endOfInput;
    }

    private void Compact()
    {
        var pending = _byteEnd - _byteStart;
        _bytes.AsSpan(_byteStart, pending).CopyTo(_bytes);
        (_byteStart, _byteEnd) = (0, pending);
    }

    private void Received(int read)
    {
        _endOfInput = read == 0;
        _byteEnd += read;
        if (_started || _byteEnd < 3 && !_endOfInput)
        {
            return;
        }

        _started = true;
        var head = _bytes.AsSpan(0, _byteEnd);
        if (head.StartsWith("\uFEFF"u8))
        {
            _byteStart = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            _utf16 = new StreamReader(new PrefixedStream(head.ToArray(), _stream), detectEncodingFromByteOrderMarks: true);
            _byteStart = _byteEnd = 0;
        }
    }

    private void DecodeBuffered()
    {
        var source = _bytes.AsSpan(_byteStart, _byteEnd - _byteStart);
        var status = Utf8.ToUtf16(source, _chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: _endOfInput);
        if (written == 0 && status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
        {
            // An invalid sequence (or a truncated one at the very end) here, at the start: one U+FFFD for it.
            Rune.DecodeFromUtf8(source, out _, out read);
            _chars[0] = '\uFFFD';
            written = 1;
            lock (_invalidLines)
            {
                _invalidLines.Add(_line);
            }
        }

        _line += _chars.AsSpan(0, written).Count('\n');
        _byteStart += read;
        (_charStart, _charEnd) = (0, written);
    }
}
