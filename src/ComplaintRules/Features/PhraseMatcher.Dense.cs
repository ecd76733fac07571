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

    private int Encode(int state) => _rowAt[state] is var row and >= 0 ? row : ~state;

    /// <summary>
    /// Builds the dense rows during the breadth-first pass: a state is admitted when its parent has a row, the edge's
    /// class is low and the limit allows; its row is its failure state's row (shallower, so built already)
    /// overwritten with its own children.
    /// </summary>
    private sealed class DenseRows
    {
        private readonly int[] _rowAt;
        private readonly bool[] _admitted;
        private readonly int _limit;
        private int _admittedCount;
        private int[] _rows;
        private int _count;

        public DenseRows(int stateCount, int[] rootNext, int[] childStart, ushort[] childClass, int[] childTarget, int limit)
        {
            _limit = Math.Max(1, limit);
            _rowAt = new int[stateCount];
            Array.Fill(_rowAt, -1);
            _admitted = new bool[stateCount];

            // The states on paths of low classes, counted first so that the rows are allocated once at their size. A
            // child's index is above its parent's (the trie numbers states as it creates them): one pass in order.
            var lowPaths = 0;
            for (var cls = 1; cls < Math.Min(DenseWidth, rootNext.Length); cls++)
            {
                if (rootNext[cls] != 0)
                {
                    _admitted[rootNext[cls]] = true;
                }
            }

            for (var state = 1; state < stateCount; state++)
            {
                if (!_admitted[state])
                {
                    continue;
                }

                lowPaths++;
                for (var e = childStart[state]; e < childStart[state + 1] && childClass[e] < DenseWidth; e++)
                {
                    _admitted[childTarget[e]] = true;
                }
            }

            Array.Clear(_admitted);
            _rows = new int[DenseWidth * Math.Min(_limit, lowPaths + 1)];
            rootNext.AsSpan(0, Math.Min(DenseWidth, rootNext.Length)).CopyTo(_rows);
            _rowAt[0] = 0;
            _count = 1;
        }

        public int[] RowAt => _rowAt;

        public void Admit(int child, int parent, int cls)
        {
            if (cls < DenseWidth && _rowAt[parent] >= 0 && _admittedCount < _limit - 1)
            {
                _admitted[child] = true;
                _admittedCount++;
            }
        }

        public void Fill(int state, int fail, int[] childStart, ushort[] childClass, int[] childTarget)
        {
            if (!_admitted[state])
            {
                return;
            }

            Debug.Assert(_rowAt[fail] >= 0, "the failure state of a dense state is dense: its path is a shorter suffix");
            if ((_count + 1) * DenseWidth > _rows.Length)
            {
                Array.Resize(ref _rows, _rows.Length * 2);
            }

            var row = _count++ * DenseWidth;
            _rowAt[state] = row;
            Array.Copy(_rows, _rowAt[fail], _rows, row, DenseWidth);
            for (var e = childStart[state]; e < childStart[state + 1] && childClass[e] < DenseWidth; e++)
            {
                _rows[row + childClass[e]] = childTarget[e];
            }
        }

        /// <summary>The rows, each holding its state at [0] and, per class, the next state's row offset or ~state.</summary>
        public int[] Rows()
        {
            var rows = _count * DenseWidth == _rows.Length ? _rows : _rows[..(_count * DenseWidth)];
            for (var state = 0; state < _rowAt.Length; state++)
            {
                if (_rowAt[state] >= 0)
                {
                    rows[_rowAt[state]] = state;
                }
            }

            for (var i = 0; i < rows.Length; i++)
            {
                if (i % DenseWidth != 0)
                {
                    rows[i] = _rowAt[rows[i]] is var row and >= 0 ? row : ~rows[i];
                }
            }

            return rows;
        }
    }
}
