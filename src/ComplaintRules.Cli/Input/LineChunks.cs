using System.Buffers;
using System.Runtime.CompilerServices;

namespace ComplaintRules.Cli.Input;

/// <summary>
/// Lines handed to one worker together: decoded lines, or UTF-8 lines whose bytes share one pooled buffer (then
/// <see cref="Utf8Of"/> finds each line in it).
/// </summary>
internal sealed class LineChunk(InputLine[] lines, byte[]? utf8, long bytes)
{
    public InputLine[] Lines => lines;

    /// <summary>The budget this chunk holds (<see cref="InFlightBudget"/>).</summary>
    public long Bytes => bytes;

    public ReadOnlySpan<byte> Utf8Of(in InputLine line) => utf8.AsSpan(line.Utf8Start, line.Utf8Length);

    /// <summary>Gives the UTF-8 buffer back to the pool once every line has been read.</summary>
    public void ReturnBuffer()
    {
        if (utf8 is not null)
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }
}

/// <summary>
/// Groups input lines into <see cref="LineChunk"/>s: one task per chunk rather than per line keeps the pipeline's
/// own cost (task, channel, await) well below the cost of analysing a complaint, within an <see cref="InFlightBudget"/>.
/// </summary>
internal static class LineChunks
{
    public const int ChunkSize = 32;

    // A chunk of long lines closes early, so long lines still spread over all workers.
    public const long ChunkBytes = 256 << 10;

    // What a line costs beyond its characters (the string, the tuple, the result), so empty lines count too.
    public const long LineOverheadBytes = 64;

    /// <summary>Decoded lines, from any text reader.</summary>
    public static async IAsyncEnumerable<LineChunk> ReadAsync(BoundedLineReader reader, InFlightBudget budget, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunk = new List<InputLine>(ChunkSize);
        long bytes = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var cost = LineOverheadBytes + ((line.Text?.Length ?? 0) * 2L);
            if (!budget.TryAcquire(cost))
            {
                // The budget is spent: hand on what is held (its bytes come back once written), then wait.
                if (chunk.Count > 0)
                {
                    yield return new LineChunk([.. chunk], null, bytes);
                    chunk.Clear();
                    bytes = 0;
                }

                await budget.AcquireAsync(cost, cancellationToken);
            }

            chunk.Add(line);
            bytes += cost;
            if (chunk.Count == ChunkSize || bytes >= ChunkBytes)
            {
                yield return new LineChunk([.. chunk], null, bytes);
                chunk.Clear();
                bytes = 0;
            }
        }

        if (chunk.Count > 0)
        {
            yield return new LineChunk([.. chunk], null, bytes);
        }
    }

    /// <summary>UTF-8 lines as they came: each chunk's bytes copied once into a pooled buffer, no string per line.</summary>
    public static async IAsyncEnumerable<LineChunk> ReadUtf8Async(Utf8LineReader reader, InFlightBudget budget, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lines = new List<InputLine>(ChunkSize);
        var buffer = ArrayPool<byte>.Shared.Rent(16 << 10);
        var used = 0;
        long bytes = 0;
        while (true)
        {
            var status = reader.TryRead(out var start, out var length, out var number);
            if (status == Utf8LineReader.Status.NeedsInput)
            {
                await reader.FillAsync(cancellationToken);
                continue;
            }

            if (status == Utf8LineReader.Status.End)
            {
                break;
            }

            // Budgeted as the decoded line would be (two bytes a character at most), as the text path does.
            var cost = LineOverheadBytes + (status == Utf8LineReader.Status.Line ? length * 2L : 0);
            if (!budget.TryAcquire(cost))
            {
                if (lines.Count > 0)
                {
                    yield return new LineChunk([.. lines], buffer, bytes);
                    lines.Clear();
                    (buffer, used, bytes) = (ArrayPool<byte>.Shared.Rent(16 << 10), 0, 0);
                }

                await budget.AcquireAsync(cost, cancellationToken); // the line's bytes stay put: no fill while waiting
            }

            if (status == Utf8LineReader.Status.TooLong)
            {
                lines.Add(new InputLine(number, null));
            }
            else
            {
                if (used + length > buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Max(used + length, buffer.Length * 2));
                    buffer.AsSpan(0, used).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                reader.Bytes(start, length).CopyTo(buffer.AsSpan(used));
                lines.Add(InputLine.Utf8(number, used, length));
                used += length;
            }

            bytes += cost;
            if (lines.Count == ChunkSize || bytes >= ChunkBytes)
            {
                yield return new LineChunk([.. lines], buffer, bytes);
                lines.Clear();
                (buffer, used, bytes) = (ArrayPool<byte>.Shared.Rent(16 << 10), 0, 0);
            }
        }

        if (lines.Count > 0)
        {
            yield return new LineChunk([.. lines], buffer, bytes);
        }
        else
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
