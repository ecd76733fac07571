using System.Diagnostics;

namespace ComplaintRules.Features;

// Dense rows: for the states near the root on paths of low classes, the next state for every low class, failure
// links already followed. Latin text spends most of its steps in these states.
internal sealed partial class PhraseMatcher
{
    /// <summary>Classes below this have dense rows; the ASCII characters the phrases use get the lowest classes.</summary>
    private const int DenseWidth = 32;

    /// <summary>
    /// The most states with a dense row (128 bytes each, so at most 8 MB): breadth first, the shallowest first. The
    /// default lexicons need about 21,000.
    /// </summary>
    private const int MaxDenseRows = 1 << 16;

    /// <summary>The number of states with a dense row (a measure of its memory).</summary>
    public int DenseStateCount => _rows.Length / DenseWidth;

    // A high class: no dense row holds it, so only the children and failure links.
    private int StepSparse(int state, ushort cls)
    {
        // Chinese text: most states it enters stand for a one-character prefix and are left at the next character for the
        // root's child; the mask says so at one load, without searching the children of each state of the failure chain.
        if (!ChainMayHave(state, cls))
        {
            return _rootNext[cls];
        }

        while (state != 0)
        {
            var next = FindChild(state, cls);
            if (next != None)
            {
                return next;
            }

            state = _fail[state];
        }

        return _rootNext[cls];
    }

    // A low class from a state without a dense row: its children, then its failure chain, until a state with a row.
    private int Step(int state, ushort cls)
    {
        if (!ChainMayHave(state, cls))
        {
            return _rootNext[cls]; // no state on the failure chain has the child
        }

        while (state != 0)
        {
            var next = FindChild(state, cls);
            if (next != None)
            {
                return next;
            }

            state = _fail[state];
            if (cls < DenseWidth && _rowAt[state] >= 0)
            {
                var to = _rows[_rowAt[state] + cls];
                return to >= 0 ? _rows[to] : ~to;
            }
        }

        return _rootNext[cls];
    }

    // Whether the state or a state on its failure chain may have a child on the class: a bit per class modulo 64, so a
    // set bit may be another class's (the search then decides), a clear one is certain.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool ChainMayHave(int state, ushort cls) => (_chainMask[state] & (1UL << cls)) != 0;

    private int Encode(int state) => _rowAt[state] is var row and >= 0 ? row : ~state;

    /// <summary>
    /// Builds the dense rows during the breadth-first pass: a state is admitted when its parent has a row, the edge's
    /// class is low and the limit allows, and gets the next row then (so rows lie in breadth-first order, as states are
    /// filled). Its row is its failure state's row (shallower, so filled already) overwritten with its own children, which
    /// are admitted before it is filled: every entry is written in its final form, the next state's row or ~state.
    /// </summary>
    private sealed class DenseRows
    {
        private readonly int[] _rowAt;
        private readonly int _limit;
        private int _count;
        private int[] _rows;

        public DenseRows(int stateCount, int[] rootNext, int[] childStart, ushort[] childClass, int[] childTarget, int limit)
        {
            _limit = Math.Max(1, limit);
            _rowAt = new int[stateCount];
            Array.Fill(_rowAt, -1);

            // The states on paths of low classes, counted first so that the rows are allocated once at their size. A
            // child's index is above its parent's (the trie numbers states as it creates them): one pass in order.
            var onLowPath = new bool[stateCount];
            var lowPaths = 0;
            for (var cls = 1; cls < Math.Min(DenseWidth, rootNext.Length); cls++)
            {
                if (rootNext[cls] != 0)
                {
                    onLowPath[rootNext[cls]] = true;
                }
            }

            for (var state = 1; state < stateCount; state++)
            {
                if (!onLowPath[state])
                {
                    continue;
                }

                lowPaths++;
                for (var e = childStart[state]; e < childStart[state + 1] && childClass[e] < DenseWidth; e++)
                {
                    onLowPath[childTarget[e]] = true;
                }
            }

            _rows = new int[DenseWidth * Math.Min(_limit, lowPaths + 1)];
            _rowAt[0] = 0;
            _count = 1;
        }

        public int[] RowAt => _rowAt;

        public void Admit(int child, int parent, int cls)
        {
            if (cls < DenseWidth && _rowAt[parent] >= 0 && _count < _limit)
            {
                if ((_count + 1) * DenseWidth > _rows.Length)
                {
                    Array.Resize(ref _rows, _rows.Length * 2);
                }

                _rowAt[child] = _count++ * DenseWidth;
            }
        }

        /// <summary>The root's row, once its children are admitted: a class it has no child for stays at the root (row 0).</summary>
        public void FillRoot(int[] rootNext)
        {
            for (var cls = 1; cls < Math.Min(DenseWidth, rootNext.Length); cls++)
            {
                _rows[cls] = Encode(rootNext[cls]);
            }
        }

        /// <summary>A state's row, once its children are admitted.</summary>
        public void Fill(int state, int fail, int[] childStart, ushort[] childClass, int[] childTarget)
        {
            var row = _rowAt[state];
            if (row < 0)
            {
                return;
            }

            Debug.Assert(_rowAt[fail] >= 0, "the failure state of a dense state is dense: its path is a shorter suffix");
            Array.Copy(_rows, _rowAt[fail], _rows, row, DenseWidth);
            _rows[row] = state;
            for (var e = childStart[state]; e < childStart[state + 1] && childClass[e] < DenseWidth; e++)
            {
                _rows[row + childClass[e]] = Encode(childTarget[e]);
            }
        }

        /// <summary>The rows, each holding its state at [0] and, per class, the next state's row offset or ~state.</summary>
        public int[] Rows() => _count * DenseWidth == _rows.Length ? _rows : _rows[..(_count * DenseWidth)];

        private int Encode(int state) => _rowAt[state] is var row and >= 0 ? row : ~state;
    }
}
