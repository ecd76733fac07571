using System.Collections.ObjectModel;

namespace ComplaintRules;

/// <summary>
/// Turns the lists the analysis builds into the read-only views a caller receives. A caller who casts a view to
/// <see cref="IList{T}"/> and writes to it gets <see cref="NotSupportedException"/>; the list behind it is never
/// handed out, so no assessment can change another (or a cached rule outcome) after the fact.
/// </summary>
internal static class ReadOnlyLists
{
    /// <summary>A view of <paramref name="list"/>; the caller must not touch the list afterwards. Empty lists share one view.</summary>
    public static IReadOnlyList<T> Of<T>(List<T> list) => list.Count == 0 ? ReadOnlyCollection<T>.Empty : list.AsReadOnly();

    /// <summary>A view of <paramref name="array"/>; the caller must not touch the array afterwards. Empty arrays share one view.</summary>
    public static IReadOnlyList<T> Of<T>(T[] array) => array.Length == 0 ? ReadOnlyCollection<T>.Empty : new ReadOnlyCollection<T>(array);

    /// <summary>A view of a copy of <paramref name="items"/>, sized exactly.</summary>
    public static IReadOnlyList<T> Copy<T>(ReadOnlySpan<T> items) => items.IsEmpty ? ReadOnlyCollection<T>.Empty : new ReadOnlyCollection<T>(items.ToArray());
}
