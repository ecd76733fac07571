namespace ComplaintRules.Evaluation;

/// <summary>
/// The <c>tieBreak</c> section after loading: word and character grams weighted towards each cause, learned from
/// labelled complaints. When the rules find two causes or more, each gets
/// <c>weight × tanh(sum of its gram weights / scale)</c> added for ordering, so causes whose rule scores lie within
/// twice the weight of each other are ordered by the words of the text; and a cause whose score plus
/// <c>presence × tanh(…)</c> falls below the threshold is dropped, unless it is the last. Scores stay the rules' own.
/// With <see cref="Detect"/>, a text the rules find no cause in is a complaint when its grams' complaint weights sum above it.
/// With leads (<see cref="LeadOf"/>), a short complaint the rules find causes in but not a given one has that one too
/// when its grams' weights towards it sum above both other causes' by more than its lead.
/// </summary>
/// <remarks>Immutable and thread-safe. An open-addressing table of gram hashes; a lookup per gram, nothing allocated.</remarks>
internal sealed class TieBreak
{
    /// <summary>The id under which the tie-break appears in a trace and in evidence.</summary>
    public const string RuleId = "cause.tie_break";

    /// <summary>The signal name of its evidence.</summary>
    public const string SignalName = "tie_break";

    /// <summary>The causes a gram is weighted towards, in the order of each gram's weights.</summary>
    public static readonly RootCause[] Causes = [RootCause.Expectation, RootCause.RightsClaim, RootCause.Venting];

    /// <summary>Most grams a section may hold per language: bounds the memory a rule file can ask for.</summary>
    public const int MaxGrams = 200_000;

    /// <summary>The <c>weight</c> of a section that gives none.</summary>
    public const double DefaultWeight = 0.05;

    /// <summary>The <c>scale</c> of a section that gives none.</summary>
    public const double DefaultScale = 5;

    /// <summary>The largest <c>weight</c> and <c>presence</c>: a tie-break orders and prunes what the rules found, never outweighs them.</summary>
    public const double MaxWeight = 0.5;

    /// <summary>The largest <c>detect</c> in either direction.</summary>
    public const double MaxDetect = 1000;

    /// <summary>The largest lead (<see cref="IsLeadLevel"/>).</summary>
    public const double MaxLead = 1000;

    /// <summary>
    /// The longest text (characters the customer wrote) read for the leads: a post or a short note. In a longer account
    /// the many grams of its facts decide the sums more than what it is about (of the development, probe and sealed
    /// texts, none longer than 200 characters had a cause added at the default levels), and reading them would cost each
    /// calm complaint a sum (at 355 characters about 0.6 µs in English and 2.1 µs in Chinese; at 200, 0.35 and 1.15 µs).
    /// </summary>
    public const int LeadMaxLength = 200;

    /// <summary>The column of a gram's weight towards "a complaint" rather than "no complaint" (the fourth, after <see cref="Causes"/>).</summary>
    public const int ComplaintColumn = 3;

    private readonly Slot[] _slots; // key 0: empty
    private readonly double[] _leads; // by RootCause; NaN: none
    private readonly ulong[] _filter; // a bit per hash value modulo its size: most grams of a text are in no table
    private readonly int _mask;
    private readonly int _filterMask;

    /// <param name="weight">The most the tie-break adds to or takes from a cause, for ordering (0–0.5).</param>
    /// <param name="scale">The sum of gram weights at which tanh reaches about three quarters.</param>
    /// <param name="presence">The most the lean takes from a cause's score against the threshold (0: no cause is dropped).</param>
    /// <param name="grams">Each gram's hash and its weights (<see cref="Causes"/>, then towards a complaint).</param>
    /// <param name="detect">The sum of the grams' complaint weights above which a text the rules find no cause in is a
    /// complaint after all; <see langword="null"/>: never.</param>
    /// <param name="leads">Per cause, the lead of the grams' weights towards it over both other causes' above which a short
    /// complaint the rules find causes in but not this one has it too; a cause not in it (or <see langword="null"/>): never.</param>
    public TieBreak(double weight, double scale, double presence, IReadOnlyList<GramWeights> grams, double? detect = null,
        IReadOnlyDictionary<RootCause, double>? leads = null)
    {
        Weight = weight;
        Scale = scale;
        Presence = presence;
        Detect = detect;
        _leads = [double.NaN, double.NaN, double.NaN, double.NaN];
        foreach (var (cause, lead) in leads ?? System.Collections.ObjectModel.ReadOnlyDictionary<RootCause, double>.Empty)
        {
            _leads[(int)cause] = lead;
        }

        HasLeads = leads is { Count: > 0 };
        GramCount = grams.Count;
        var size = 16;
        while (size < grams.Count * 2)
        {
            size <<= 1;
        }

        (_slots, _mask) = (new Slot[size], size - 1);
        (_filter, _filterMask) = (new ulong[size / 8], (size * 8) - 1); // 8 bits a slot, 4 a gram at least: 32 KB for 16,000 grams
        foreach (var gram in grams)
        {
            var key = gram.Hash == 0 ? 1 : gram.Hash;
            var slot = SlotOf(key);
            while (_slots[slot].Key != 0 && _slots[slot].Key != key)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(key, gram.Expectation, gram.RightsClaim, gram.Venting, gram.Complaint);
            var bit = (int)key & _filterMask;
            _filter[bit >> 6] |= 1UL << bit;
        }
    }

    public double Weight { get; }

    public double Scale { get; }

    public double Presence { get; }

    /// <summary>The complaint weights' sum above which a text with no cause found is a complaint; <see langword="null"/>: never.</summary>
    public double? Detect { get; }

    /// <summary>Whether any cause has a lead.</summary>
    public bool HasLeads { get; }

    /// <summary>The lead over both other causes above which a short complaint with causes found but not <paramref name="cause"/> has it too; <see langword="null"/>: never.</summary>
    public double? LeadOf(RootCause cause) => double.IsNaN(_leads[(int)cause]) ? null : _leads[(int)cause];

    public int GramCount { get; }

    /// <summary>Every gram's hash and weights, in table order (for tests that compare two tables).</summary>
    internal IEnumerable<GramWeights> Grams => _slots.Where(s => s.Key != 0).Select(s => new GramWeights(s.Key, s.Expectation, s.RightsClaim, s.Venting, s.Complaint));

    /// <summary>What the tie-break adds for ordering to a cause whose grams sum to <paramref name="sum"/>.</summary>
    public double Lean(double sum) => Weight * Math.Tanh(sum / Scale);

    /// <summary>What the tie-break adds to a cause's score against the threshold (a cause it takes below is dropped).</summary>
    public double PresenceLean(double sum) => Presence * Math.Tanh(sum / Scale);

    /// <summary>The cause named <paramref name="name"/>, when it is one a lead can add (one of <see cref="Causes"/>).</summary>
    public static bool TryParseLeadCause(string? name, out RootCause cause) => Vocabulary.TryParseCause(name, out cause) && cause != RootCause.None;

    /// <summary>Whether <paramref name="level"/> is a lead a section may give: from 0 to <see cref="MaxLead"/>.</summary>
    public static bool IsLeadLevel(double level) => level is >= 0 and <= MaxLead;

    /// <summary>How far the weights of <paramref name="sums"/> (as <see cref="Sum"/> fills them) towards <paramref name="cause"/> lead both other causes'.</summary>
    public static double Margin(ReadOnlySpan<double> sums, RootCause cause)
    {
        var others = double.NegativeInfinity;
        foreach (var other in Causes)
        {
            others = other == cause ? others : Math.Max(others, sums[(int)other]);
        }

        return sums[(int)cause] - others;
    }

    /// <summary>
    /// Sums the weights of the grams of <paramref name="text"/> per cause (<paramref name="sums"/>, indexed by
    /// <see cref="RootCause"/>); returns the sum of their complaint weights.
    /// </summary>
    public double Sum(ReadOnlySpan<char> text, bool chinese, Span<double> sums)
    {
        var summer = new Summer(this);
        TieBreakGrams.Read(text, chinese, ref summer);
        sums[(int)RootCause.Expectation] = summer.Expectation;
        sums[(int)RootCause.RightsClaim] = summer.RightsClaim;
        sums[(int)RootCause.Venting] = summer.Venting;
        return summer.Complaint;
    }

    /// <summary>
    /// Up to <paramref name="spans"/>.Length grams that weigh most towards a column of weights (0–2 the
    /// <see cref="Causes"/>, <see cref="ComplaintColumn"/> a complaint), none overlapping another, in order of start;
    /// returns how many. A Chinese gram's span leaves out punctuation at its ends (a gram of one character left is skipped).
    /// </summary>
    public int Strongest(ReadOnlySpan<char> text, bool chinese, int column, Span<(int Start, int End)> spans)
    {
        var finder = new Finder(this, column);
        TieBreakGrams.Read(text, chinese, ref finder);
        var found = 0;
        for (var k = 0; k < Finder.Kept && found < spans.Length; k++)
        {
            var (weight, start, end) = finder.Best[k];
            if (weight <= 0)
            {
                break;
            }

            // A Chinese gram can hold a punctuation mark (，服, 了！): evidence shows what is left of it, if two
            // characters or more; the sums keep the gram whole.
            if (chinese)
            {
                (start, end) = WithoutPunctuation(text, start, end);
                if (end - start < 2)
                {
                    continue;
                }
            }

            var overlaps = false;
            for (var j = 0; j < found; j++)
            {
                overlaps |= start < spans[j].End && spans[j].Start < end;
            }

            if (!overlaps)
            {
                spans[found++] = (start, end);
            }
        }

        spans[..found].Sort(static (x, y) => x.Start.CompareTo(y.Start));
        return found;
    }

    private static (int Start, int End) WithoutPunctuation(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private int SlotOf(ulong key) => (int)((key ^ (key >> 29)) * 0x9E3779B97F4A7C15 >> 40) & _mask;

    // The gram's slot, or -1 when the table does not hold it. Inlined: it runs for every gram of a text.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Find(ulong hash)
    {
        var key = hash == 0 ? 1 : hash;
        var bit = (int)key & _filterMask;
        if ((_filter[bit >> 6] & (1UL << bit)) == 0)
        {
            return -1;
        }

        for (var slot = SlotOf(key); ; slot = (slot + 1) & _mask)
        {
            var k = _slots[slot].Key;
            if (k == key)
            {
                return slot;
            }

            if (k == 0)
            {
                return -1;
            }
        }
    }

    // A gram's key and weights side by side: a lookup that hits reads one cache line.
    private readonly record struct Slot(ulong Key, float Expectation, float RightsClaim, float Venting, float Complaint)
    {
        public float this[int column] => column switch { 0 => Expectation, 1 => RightsClaim, 2 => Venting, _ => Complaint };
    }

    // Four sums side by side as plain fields, so that a reader that keeps its visitor in a local keeps them in registers.
    private struct Summer(TieBreak table) : IGramVisitor
    {
        public double Expectation;
        public double RightsClaim;
        public double Venting;
        public double Complaint;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void OnGram(ulong hash, int start, int end)
        {
            var slot = table.Find(hash);
            if (slot >= 0)
            {
                ref readonly var w = ref table._slots[slot];
                (Expectation, RightsClaim, Venting, Complaint) = (Expectation + w.Expectation, RightsClaim + w.RightsClaim, Venting + w.Venting, Complaint + w.Complaint);
            }
        }
    }

    // The few grams of most weight towards one cause, best first.
    private struct Finder(TieBreak table, int cause) : IGramVisitor
    {
        public const int Kept = 8;
        public Best8 Best;

        public void OnGram(ulong hash, int start, int end)
        {
            var slot = table.Find(hash);
            if (slot < 0)
            {
                return;
            }

            var weight = table._slots[slot][cause];
            var i = Kept - 1;
            if (weight <= Best[i].Weight)
            {
                return;
            }

            for (; i > 0 && Best[i - 1].Weight < weight; i--)
            {
                Best[i] = Best[i - 1];
            }

            Best[i] = (weight, start, end);
        }
    }

    [System.Runtime.CompilerServices.InlineArray(Finder.Kept)]
    private struct Best8
    {
        private (float Weight, int Start, int End) _first;
    }
}

/// <summary>A gram of a tie-break: the hash of its written form and its weights towards each cause and towards a complaint (0 when not trained).</summary>
internal readonly record struct GramWeights(ulong Hash, float Expectation, float RightsClaim, float Venting, float Complaint = 0);
