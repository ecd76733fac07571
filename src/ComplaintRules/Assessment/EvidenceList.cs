namespace ComplaintRules;

/// <summary>
/// What every evidence list of one assessment shares: the texts the spans point into, the signal names, and the
/// rules in evaluation order (each span names the rule that used it by its place there).
/// </summary>
internal sealed class EvidenceSource(string text, string demand, string[] signalNames, Rules.CompiledRule[] rules)
{
    public string Text => text;

    public string Demand => demand;

    public string[] SignalNames => signalNames;

    public Rules.CompiledRule[] Rules => rules;
}

/// <summary>The rules that fired, as their places in the rule set's evaluation order; the shared trace entries are looked up when read.</summary>
internal sealed class TraceList : ReadOnlyListView<RuleFiring>
{
    private readonly Rules.CompiledRule[] _rules;
    private readonly ushort[]? _small; // two bytes a firing while the rule set has at most 65,536 rules
    private readonly int[]? _large;

    public TraceList(Rules.CompiledRule[] rules, ReadOnlySpan<int> fired)
    {
        _rules = rules;
        if (rules.Length <= ushort.MaxValue + 1)
        {
            _small = new ushort[fired.Length];
            for (var i = 0; i < fired.Length; i++)
            {
                _small[i] = (ushort)fired[i];
            }
        }
        else
        {
            _large = fired.ToArray();
        }
    }

    public override int Count => _small?.Length ?? _large!.Length;

    protected override RuleFiring Get(int index) => _rules[_small is not null ? _small[index] : _large![index]].Firing;
}

/// <summary>
/// The evidence of one finding, packed as four integers per span (start, length, signal with the demand flag, the
/// rule's place in evaluation order): an assessment holds one small array per finding instead of a record and a string per span. A record is
/// built when read; a batch that writes only offsets (<see cref="AssessmentJsonProfile.Compact"/>) never builds one.
/// </summary>
internal sealed class EvidenceList(EvidenceSource source, int[] packed) : ReadOnlyListView<Evidence>
{
    public const int Stride = 4;
    private const int DemandFlag = 1 << 30;

    public override int Count => packed.Length / Stride;

    public static int Pack(int signal, bool inDemand) => inDemand ? signal | DemandFlag : signal;

    public int Start(int index) => packed[index * Stride];

    public int Length(int index) => packed[(index * Stride) + 1];

    public bool InDemand(int index) => (packed[(index * Stride) + 2] & DemandFlag) != 0;

    public string SignalName(int index) => source.SignalNames[Signal(index)];

    /// <summary>The names <see cref="Signal"/> indexes: one array per rule set, shared by its assessments.</summary>
    public string[] SignalNames => source.SignalNames;

    public int Signal(int index) => packed[(index * Stride) + 2] & ~DemandFlag;

    /// <summary>The place in evaluation order of the rule whose evidence the span is.</summary>
    public int Rule(int index) => packed[(index * Stride) + 3];

    /// <summary>The span's text, as <see cref="Evidence.Text"/> would hold it, without the string.</summary>
    public ReadOnlySpan<char> TextOf(int index) => (InDemand(index) ? source.Demand : source.Text).AsSpan(Start(index), Length(index));

    /// <summary>The id of the rule whose evidence the span is.</summary>
    public string RuleId(int index) => source.Rules[Rule(index)].Id;

    protected override Evidence Get(int index)
    {
        var at = index * Stride;
        var (start, length) = (packed[at], packed[at + 1]);
        var inDemand = InDemand(index);
        return new Evidence((inDemand ? source.Demand : source.Text).Substring(start, length), start, length,
            source.Rules[packed[at + 3]].Id, SignalName(index), inDemand ? "customerDemand" : "text");
    }
}
