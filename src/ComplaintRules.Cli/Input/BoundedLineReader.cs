namespace ComplaintRules.Cli.Input;

/// <summary>
/// One input line: its 1-based number and its text, or no text when it was longer than the limit; or, read as UTF-8,
/// where its bytes lie in the chunk that holds it (<see cref="LineChunk"/>).
/// </summary>
internal readonly record struct InputLine(int Number, string? Text)
{
    public bool IsTooLong => Text is null && !IsUtf8;

    /// <summary>The line is UTF-8 bytes in its chunk, not text.</summary>
    public bool IsUtf8 { get; private init; }

    public int Utf8Start { get; private init; }

    public int Utf8Length { get; private init; }

    public static InputLine Utf8(int number, int start, int length) =>
        new(number, null) { IsUtf8 = true, Utf8Start = start, Utf8Length = length };
}

/// <summary>
/// Reads lines split at <c>\n</c> only (a <c>\r</c> before it is dropped; one inside a line stays in it, so line
/// numbers follow <c>\n</c>). A line longer than the limit is skipped as it is read: it is never held whole,
/// so memory depends on the limit, not on the input.
/// </summary>
internal sealed class BoundedLineReader
{
    private const int BlockLength = 1 << 15;

    private readonly TextReader _reader;
    private readonly int _maxLineLength;
    private readonly char[] _block = new char[BlockLength];
    private char[] _line;
    private int _blockStart;
    private int _blockEnd;
    private int _lineNumber;
    private bool _endOfInput;

    public BoundedLineReader(TextReader reader, int maxLineLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        _reader = reader;
        _maxLineLength = maxLineLength;
        _line = new char[Math.Min(maxLineLength + 1, 4096)];
    }

    /// <summary>The next line, or <see langword="null"/> at the end of the input.</summary>
    public async ValueTask<InputLine?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        var length = 0;
        var tooLong = false;
        var started = false;
        while (true)
        {
            if (_blockStart == _blockEnd)
            {
                if (_endOfInput || (_blockEnd = await _reader.ReadAsync(_block.AsMemory(), cancellationToken).ConfigureAwait(false)) == 0)
                {
                    _endOfInput = true;
                    _blockStart = _blockEnd = 0;
                    return started ? Finish(length, tooLong) : null;
                }

                _blockStart = 0;
            }

            started = true;
            var available = _block.AsSpan(_blockStart, _blockEnd - _blockStart);
            var newline = available.IndexOf('\n');
            var part = newline < 0 ? available : available[..newline];
            _blockStart += newline < 0 ? available.Length : newline + 1;

            // The limit counts the line without a trailing \r, which may arrive in the next block.
            if (!tooLong && length + part.Length > _maxLineLength + 1)
            {
                tooLong = true;
            }

            if (!tooLong)
            {
                Append(ref length, part);
            }

            if (newline >= 0)
            {
                return Finish(length, tooLong);
            }
        }
    }

    private InputLine Finish(int length, bool tooLong)
    {
        _lineNumber++;
        if (length > 0 && _line[length - 1] == '\r')
        {
            length--;
        }

        return tooLong || length > _maxLineLength
            ? new InputLine(_lineNumber, null)
            : new InputLine(_lineNumber, new string(_line, 0, length));
    }

    private void Append(ref int length, ReadOnlySpan<char> part)
    {
        if (length + part.Length > _line.Length)
        {
            // Grows to at most the limit (plus a \r) and is kept: one buffer per batch, not one per line.
            var larger = new char[Math.Max(length + part.Length, Math.Min(_line.Length * 2, _maxLineLength + 1))];
            _line.AsSpan(0, length).CopyTo(larger);
            _line = larger;
        }

        part.CopyTo(_line.AsSpan(length));
        length += part.Length;
    }
}
