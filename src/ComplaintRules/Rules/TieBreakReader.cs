using System.Text.Json;
using ComplaintRules.Evaluation;

namespace ComplaintRules.Rules;

/// <summary>
/// Reads a document's <c>tieBreak</c> section straight into a table, for the embedded default: no document, no gram
/// strings, no per-gram arrays. Only a well-formed section is read (every gram written as grams are, three weights
/// each, or four with <c>detect</c>); anything else gives <see langword="null"/>. The loader reads other files with full diagnostics.
/// </summary>
internal static class TieBreakReader
{
    private const int LongestGram = 256; // bytes as written, escapes included; a gram is two words at most

    public static TieBreak? Read(ReadOnlySpan<byte> json)
    {
        var r = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (!r.ValueTextEquals("tieBreak"u8))
                {
                    r.Read();
                    r.Skip();
                    continue;
                }

                r.Read();
                return Section(ref r);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    private static TieBreak? Section(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var (weight, scale, presence) = (TieBreak.DefaultWeight, TieBreak.DefaultScale, 0.0);
        double? detect = null;
        Dictionary<RootCause, double>? leads = null;
        var grams = new List<GramWeights>(16_384);
        var columns = 0; // weights per gram: 3, or 4 with detect (the first gram says which; every other must agree)
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var chinese = r.ValueTextEquals("zh"u8);
            var english = r.ValueTextEquals("en"u8);
            var isWeight = r.ValueTextEquals("weight"u8);
            var isScale = r.ValueTextEquals("scale"u8);
            var isPresence = r.ValueTextEquals("presence"u8);
            var isDetect = r.ValueTextEquals("detect"u8);
            var isLeads = r.ValueTextEquals("leads"u8);
            r.Read();
            if (isWeight || isScale || isPresence)
            {
                var value = r.GetDouble();
                (weight, scale, presence) = isWeight ? (value, scale, presence) : isScale ? (weight, value, presence) : (weight, scale, value);
            }
            else if (isDetect)
            {
                detect = r.GetDouble();
            }
            else if (isLeads && (leads = Leads(ref r)) is null)
            {
                return null;
            }
            else if ((english || chinese) && !ReadGrams(ref r, chinese, grams, ref columns))
            {
                return null;
            }
            else if (!english && !chinese)
            {
                r.Skip();
            }
        }

        return weight is >= 0 and <= TieBreak.MaxWeight && presence is >= 0 and <= TieBreak.MaxWeight
            && (weight + presence > 0 || detect is not null || leads is { Count: > 0 }) && scale > 0 && grams.Count > 0
            && columns == (detect is null ? 3 : 4) && !(Math.Abs(detect ?? 0) > TieBreak.MaxDetect)
            ? new TieBreak(weight, scale, presence, grams, detect, leads)
            : null;
    }

    // "leads": { "venting": 7, … }: causes by name, each a number from 0 to MaxLead; anything else gives null.
    private static Dictionary<RootCause, double>? Leads(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var leads = new Dictionary<RootCause, double>();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var known = TieBreak.TryParseLeadCause(r.GetString(), out var cause);
            r.Read();
            if (!known || r.TokenType != JsonTokenType.Number || !TieBreak.IsLeadLevel(r.GetDouble()) || !leads.TryAdd(cause, r.GetDouble()))
            {
                return null;
            }
        }

        return leads;
    }

    private static bool ReadGrams(ref Utf8JsonReader r, bool chinese, List<GramWeights> grams, ref int columns)
    {
        Span<char> gram = stackalloc char[LongestGram];
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Span<float> w = stackalloc float[4];
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueSpan.Length > LongestGram)
            {
                return false;
            }

            var length = r.CopyString(gram);
            if (!TieBreakGrams.IsWellFormed(gram[..length], chinese) || !r.Read() || r.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            var n = 0;
            while (r.Read() && r.TokenType == JsonTokenType.Number)
            {
                if (n == 4 || !r.TryGetSingle(out w[n]) || !float.IsFinite(w[n]))
                {
                    return false;
                }

                n++;
            }

            columns = columns == 0 ? n : columns;
            if (n != columns || n < 3 || r.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }

            grams.Add(new GramWeights(TieBreakGrams.Hash(gram[..length]), w[0], w[1], w[2], n == 4 ? w[3] : 0));
        }

        return true;
    }
}
