using System.ComponentModel;

namespace ComplaintRules.Features;

/// <summary>
/// What a rule condition can read about one complaint: signal counts from the lexicons, intensity markers, the
/// complaint's fields, and the outcome of earlier decisions. Rule expressions name these members directly,
/// e.g. <c>Count("refund_demand") &gt; 0 &amp;&amp; Amount &gt;= 10000</c>.
/// </summary>
/// <remarks>
/// Computed once per complaint in C#; rules never scan the raw text. Text fields that are absent read as
/// <c>""</c> and numbers as 0, so conditions never meet a null.
/// </remarks>
internal sealed class ComplaintFacts
{
    internal const int CountsPerSignal = 4; // affirmed in text, negated in text, in the customer's demand, in the closing part (Closing)

    private readonly SignalTable _signals;
    private readonly IReadOnlyList<string>? _tags;
    private readonly IReadOnlyDictionary<string, string>? _attributes;

    // Read directly by compiled rules (signal names are resolved to indices at load).
    internal readonly int[] SignalCounts;
    internal readonly double[] CauseScores = new double[4];
    internal readonly double[] ConflictScores = new double[6];

    internal ComplaintFacts(SignalTable signals, Complaint complaint, string language, int length, int[] signalCounts)
    {
        _signals = signals;
        SignalCounts = signalCounts;
        Language = language;
        Length = length;
        Channel = complaint.Channel ?? "";
        Product = complaint.Product ?? "";
        Currency = complaint.Currency ?? "";
        Regime = complaint.Regime ?? "";
        Amount = complaint.Amount ?? 0m;
        HasAmount = complaint.Amount.HasValue;
        PriorComplaints = Math.Max(0, complaint.PriorComplaints ?? 0);
        HasDemand = !string.IsNullOrWhiteSpace(complaint.CustomerDemand);
        _tags = complaint.CustomerTags;
        _attributes = complaint.Attributes;
    }

    /// <summary>The language the text is analysed in: <c>zh</c> or <c>en</c>.</summary>
    public string Language { get; }

    /// <summary>The length of the analysed text in characters.</summary>
    public int Length { get; }

    /// <summary>The complaint's channel, or <c>""</c>.</summary>
    public string Channel { get; }

    /// <summary>The complaint's product, or <c>""</c>.</summary>
    public string Product { get; }

    /// <summary>The currency of <see cref="Amount"/>, or <c>""</c>.</summary>
    public string Currency { get; }

    /// <summary>The regulatory regime key, or <c>""</c>.</summary>
    public string Regime { get; }

    /// <summary>The amount at stake, or 0.</summary>
    public decimal Amount { get; }

    /// <summary>Whether the complaint states an amount.</summary>
    public bool HasAmount { get; }

    /// <summary>How many complaints the customer made before, or 0.</summary>
    public int PriorComplaints { get; }

    /// <summary>Whether the complaint carries the customer's own demand text.</summary>
    public bool HasDemand { get; }

    /// <summary>How many times a signal occurs in the text, not counting negated occurrences ("not asking for a refund").</summary>
    /// <param name="signal">A lexicon name of the rule set, or a built-in marker (<c>exclamation_run</c>, <c>question_run</c>, <c>caps_word</c>, <c>elongated_word</c>, <c>echo</c>, <c>short_sentence</c>).</param>
    public int Count(string signal) => SignalCounts[IndexOf(signal) * CountsPerSignal];

    /// <summary>Whether a signal occurs in the text at least once, not negated.</summary>
    /// <param name="signal">A lexicon or marker name.</param>
    public bool Has(string signal) => Count(signal) > 0;

    /// <summary>How many occurrences of a signal are negated ("没有生气").</summary>
    /// <param name="signal">A lexicon or marker name.</param>
    public int Negated(string signal) => SignalCounts[(IndexOf(signal) * CountsPerSignal) + 1];

    /// <summary>How many times a signal occurs in the customer's own demand text (<see cref="Complaint.CustomerDemand"/>).</summary>
    /// <param name="signal">A lexicon name.</param>
    public int DemandCount(string signal) => SignalCounts[(IndexOf(signal) * CountsPerSignal) + 2];

    /// <summary>
    /// How many times a signal occurs, not negated, in the text's closing part: its last sentence (the whole text when
    /// it has one), from after the last phrase of the <c>closing_turn</c> lexicon in it ("but", "不过") when the rule set
    /// has one. A message gives its verdict at the end ("… they forgot the sauce. Will order again.").
    /// </summary>
    /// <param name="signal">A lexicon or marker name.</param>
    public int Closing(string signal) => SignalCounts[(IndexOf(signal) * CountsPerSignal) + 3];

    /// <summary>Whether the customer carries a tag (case-insensitive), e.g. <c>HasTag("vulnerable")</c>.</summary>
    /// <param name="tag">The tag.</param>
    public bool HasTag(string tag)
    {
        if (_tags is null)
        {
            return false;
        }

        foreach (var t in _tags)
        {
            if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A host-specific attribute of the complaint, or <c>""</c> when absent.</summary>
    /// <param name="name">The attribute's name.</param>
    public string Attr(string name) => _attributes is not null && _attributes.TryGetValue(name, out var value) ? value ?? "" : "";

    /// <summary>The score (0–1) of a root cause: <c>expectation</c>, <c>rights_claim</c> or <c>venting</c>.</summary>
    /// <param name="cause">The cause's name.</param>
    [OutcomeOf(Decision.Causes)]
    public double CauseScore(string cause) => CauseScores[(int)Vocabulary.ParseCause(cause)];

    /// <summary>Whether a root cause was judged present.</summary>
    /// <param name="cause">The cause's name.</param>
    [OutcomeOf(Decision.Causes)]
    public bool HasCause(string cause) => CauseScore(cause) >= CauseThreshold;

    /// <summary>The primary cause: <c>expectation</c>, <c>rights_claim</c>, <c>venting</c> or <c>none</c>.</summary>
    [OutcomeOf(Decision.Causes)]
    public string PrimaryCause { get; internal set; } = "none";

    /// <summary>Emotional intensity, 0–4.</summary>
    [OutcomeOf(Decision.Intensity)]
    public int Intensity { get; internal set; }

    /// <summary>The main conflict type: <c>service_quality</c>, <c>price</c>, <c>communication</c>, <c>policy</c>, <c>collections</c> or <c>other</c>.</summary>
    [OutcomeOf(Decision.Conflicts)]
    public string Conflict { get; internal set; } = "other";

    /// <summary>The main conflict's subtype, or <c>""</c>.</summary>
    [OutcomeOf(Decision.Conflicts)]
    public string ConflictSubtype { get; internal set; } = "";

    /// <summary>The score (0–1) of a conflict type.</summary>
    /// <param name="type">The conflict type's name.</param>
    [OutcomeOf(Decision.Conflicts)]
    public double ConflictScore(string type) => ConflictScores[(int)Vocabulary.ParseConflict(type)];

    /// <summary>The severity: <c>minor</c>, <c>standard</c>, <c>serious</c> or <c>critical</c>.</summary>
    [OutcomeOf(Decision.Severity)]
    public string Severity { get; internal set; } = "minor";

    /// <summary>The severity as a number, 1 (minor) to 4 (critical).</summary>
    [OutcomeOf(Decision.Severity)]
    public int SeverityLevel { get; internal set; } = 1;

    internal double CauseThreshold { get; set; } = 0.5;

    /// <summary>
    /// Gives the counts, rented by the extractor, back to the pool: only when nothing reads these facts any more (the
    /// analyzer's own path; an explanation keeps its facts and lets the collector have the array).
    /// </summary>
    internal void ReturnCounts() => System.Buffers.ArrayPool<int>.Shared.Return(SignalCounts);
    internal int IndexOf(string signal) =>
        _signals.Index.TryGetValue(signal, out var index)
            ? index
            : throw new ArgumentException($"Unknown signal '{signal}'. Known signals: {string.Join(", ", _signals.Names)}.", nameof(signal));

    /// <inheritdoc/>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override string ToString() => $"ComplaintFacts(Language={Language}, Length={Length})";
}
