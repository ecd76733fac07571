using System.Buffers;

namespace ComplaintRules.Features;

/// <summary>A growable list of spans in pooled memory, for the runs of one <see cref="ProximityMatcher.Match"/> call.</summary>
internal struct SpanArena(int capacity) : IDisposable
{
    private TextSpan[] _items = ArrayPool<TextSpan>.Shared.Rent(Math.Max(16, capacity));

    public int Count { get; set; }

    public readonly TextSpan[] Raw => _items;

    public readonly Span<TextSpan> Slice(int start, int length) => _items.AsSpan(start, length);

    /// <summary>Makes room for <paramref name="capacity"/> spans in all; spans sliced before a call to this may move.</summary>
    public void Reserve(int capacity)
    {
        if (capacity <= _items.Length)
        {
            return;
        }

        var larger = ArrayPool<TextSpan>.Shared.Rent(Math.Max(capacity, _items.Length * 2));
        _items.AsSpan(0, Count).CopyTo(larger);
        ArrayPool<TextSpan>.Shared.Return(_items);
        _items = larger;
    }

    public void Append(TextSpan span) => _items[Count++] = span;

    public void Dispose()
    {
        ArrayPool<TextSpan>.Shared.Return(_items);
        _items = [];
    }
}
