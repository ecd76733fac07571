using System.Text;

namespace ComplaintRules.Cli.Input;

/// <summary>
/// Splits UTF-8 input into lines without decoding it: the lines <see cref="BoundedLineReader"/> reads from a
/// <see cref="Utf8InputReader"/>, the same numbers, limits and verdicts, as spans of the input's bytes. A line is
/// decoded only where its characters matter (invalid UTF-8, or more bytes than the limit has characters).
/// </summary>
/// <remarks>
/// A UTF-8 byte order mark is skipped. Input that starts with a UTF-16 byte order mark is not read here:
/// <see cref="IsUtf16"/> says so after the first <see cref="FillAsync"/>, and <see cref="TextReader"/> gives it back
/// for the decoding reader. No line longer than the limit is ever held whole: a character takes at most three bytes
/// here (a pair of surrogates four), so past <c>3 × (limit + 1)</c> bytes a line is known too long and skipped.
/// </remarks>
internal sealed class Utf8LineReader
{
    private const int BlockLength = 1 << 16;

    private readonly Stream _stream;
    private readonly int _maxLineLength;
    private readonly long _maxHeldBytes;
    private byte[] _buffer = new byte[BlockLength];
    private int _start;
    private int _end;
    private int _lineNumber;
    private bool _started;
    private bool _endOfInput;
    private bool _skipping; // inside a line already known too long, until its \n

    public Utf8LineReader(Stream stream, int maxLineLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        _stream = stream;
        _maxLineLength = maxLineLength;
        _maxHeldBytes = 3L * (maxLineLength + 1L);
    }

    /// <summary>Whether the input starts with a UTF-16 byte order mark (known after the first fill).</summary>
    public bool IsUtf16 { get; private set; }

    /// <summary>What <see cref="TryRead"/> found.</summary>
    public enum Status
    {
        /// <summary>A line within the limit.</summary>
        Line,

        /// <summary>A line longer than the limit, skipped.</summary>
        TooLong,

        /// <summary>More input is needed: call <see cref="FillAsync"/>.</summary>
        NeedsInput,

        /// <summary>The input has ended.</summary>
        End,
    }

    /// <summary>
    /// The next line from the input already read, as a place in <see cref="Bytes"/> (valid until the next
    /// <see cref="FillAsync"/>): its bytes without the \n and a \r before it.
    /// </summary>
    public Status TryRead(out int start, out int length, out int lineNumber)
    {
        (start, length, lineNumber) = (_start, 0, 0);
        var available = _buffer.AsSpan(_start, _end - _start);
        var newline = available.IndexOf((byte)'\n');
        if (_skipping)
        {
            if (newline < 0 && !_endOfInput)
            {
                _start = _end;
                return Status.NeedsInput;
            }

            _start = newline < 0 ? _end : _start + newline + 1;
            _skipping = false;
            lineNumber = ++_lineNumber;
            return Status.TooLong;
        }

        if (newline < 0)
        {
            if (!_endOfInput || available.IsEmpty)
            {
                return _endOfInput ? Status.End : Status.NeedsInput;
            }

            newline = available.Length; // the last line, without a \n
        }

        _start += Math.Min(newline + 1, available.Length);
        length = newline > 0 && available[newline - 1] == (byte)'\r' ? newline - 1 : newline;
        lineNumber = ++_lineNumber;
        return length > _maxLineLength && Encoding.UTF8.GetCharCount(available[..length]) > _maxLineLength ? Status.TooLong : Status.Line;
    }

    /// <summary>The bytes of a line <see cref="TryRead"/> found.</summary>
    public ReadOnlySpan<byte> Bytes(int start, int length) => _buffer.AsSpan(start, length);

    /// <summary>Reads more input; <see langword="false"/> once it has ended.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken = default)
    {
        if (_endOfInput)
        {
            return false;
        }

        if (_skipping)
        {
            (_start, _end) = (0, 0);
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_start, _end) = (0, _end - _start);
        }

        if (_end == _buffer.Length)
        {
            // One partial line fills the buffer: past the most bytes a line within the limit can take (or the largest
            // array), it is skipped; below that, the buffer grows (to at most that size, kept for the batch).
            if (_end > _maxHeldBytes || _end >= Array.MaxLength)
            {
                _skipping = true;
                (_start, _end) = (0, 0);
            }
            else
            {
                var larger = new byte[Math.Min(Math.Min(_buffer.Length * 2L, _maxHeldBytes + 1), Array.MaxLength)];
                _buffer.AsSpan(0, _end).CopyTo(larger);
                _buffer = larger;
            }
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _endOfInput = read == 0;
        _end += read;
        if (!_started && (_end >= 3 || _endOfInput))
        {
            Started();
        }
        else if (!_started)
        {
            return await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The input as text, for the decoding reader, when it is UTF-16 (nothing of it has been read as lines).</summary>
    public TextReader TextReader()
    {
        var prefix = _buffer[_start.._end];
        return new Utf8InputReader(new PrefixedStream(prefix, _stream));
    }

    private void Started()
    {
        _started = true;
        var head = _buffer.AsSpan(0, _end);
        if (head.StartsWith("\uFEFF"u8))
        {
            _start = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            IsUtf16 = true;
        }
    }
}
