using System.Collections;

namespace ComplaintRules;

/// <summary>
/// A read-only list computed from packed data: every write through a cast (<see cref="IList{T}"/>, <see cref="IList"/>)
/// throws <see cref="NotSupportedException"/>, as the assessment's other lists do.
/// </summary>
internal abstract class ReadOnlyListView<T> : IList<T>, IReadOnlyList<T>, IList
{
    public abstract int Count { get; }

    public bool IsReadOnly => true;

    bool IList.IsFixedSize => true;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Get(index);
        }
    }

    T IList<T>.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    object? IList.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Get(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(T item)
    {
        for (var i = 0; i < Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(Get(i), item))
            {
                return i;
            }
        }

        return -1;
    }

    public bool Contains(T item) => IndexOf(item) >= 0;

    public void CopyTo(T[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var i = 0; i < Count; i++)
        {
            array[arrayIndex + i] = Get(i);
        }
    }

    void ICollection.CopyTo(Array array, int index)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var i = 0; i < Count; i++)
        {
            array.SetValue(Get(i), index + i);
        }
    }

    int IList.IndexOf(object? value) => value is T item ? IndexOf(item) : -1;

    bool IList.Contains(object? value) => value is T item && Contains(item);

    void ICollection<T>.Add(T item) => throw ReadOnly();

    void ICollection<T>.Clear() => throw ReadOnly();

    bool ICollection<T>.Remove(T item) => throw ReadOnly();

    void IList<T>.Insert(int index, T item) => throw ReadOnly();

    void IList<T>.RemoveAt(int index) => throw ReadOnly();

    int IList.Add(object? value) => throw ReadOnly();

    void IList.Clear() => throw ReadOnly();

    void IList.Insert(int index, object? value) => throw ReadOnly();

    void IList.Remove(object? value) => throw ReadOnly();

    void IList.RemoveAt(int index) => throw ReadOnly();

    /// <summary>The item at <paramref name="index"/>, already checked to be in range.</summary>
    protected abstract T Get(int index);

    private static NotSupportedException ReadOnly() => new("The collection is read-only.");
}
