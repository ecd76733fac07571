using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;

namespace ComplaintRules;

/// <summary>
/// The common complaint line read straight off a <see cref="Utf8JsonReader"/>: one flat object of the usual string,
/// number and tag fields. Anything else (a field it does not know, a date, attributes, a <see langword="null"/>, a
/// field given twice, an escape it cannot read, malformed JSON) is left to the serializer, so every error and every
/// unusual value reads exactly as before; this path only ever returns what the serializer would have.
/// </summary>
internal static class ComplaintFastReading
{
    private const int Id = 1 << 0;
    private const int Text = 1 << 1;
    private const int Language = 1 << 2;
    private const int Channel = 1 << 3;
    private const int Product = 1 << 4;
    private const int Amount = 1 << 5;
    private const int Currency = 1 << 6;
    private const int CustomerTags = 1 << 7;
    private const int PriorComplaints = 1 << 8;
    private const int CustomerDemand = 1 << 9;
    private const int Regime = 1 << 10;
    private const int CustomerId = 1 << 11;
    private const int HandlerRole = 1 << 12;

    // The serializer's reader options (ComplaintJsonContext): comments skipped, trailing commas allowed, depth 16.
    private static readonly JsonReaderOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    [ThreadStatic]
    private static byte[]? t_utf8;

    /// <summary>Reads <paramref name="json"/> when it is a plain complaint; <see langword="false"/> leaves it to the serializer.</summary>
    public static bool TryParse(string json, out Complaint? complaint)
    {
        complaint = null;
        var buffer = t_utf8;
        if (buffer is null || buffer.Length < json.Length * 3)
        {
            // Lines are bounded by --max-line-length; a very long one is not kept for the thread's life.
            if (json.Length > 1 << 16)
            {
                buffer = ArrayPool<byte>.Shared.Rent(json.Length * 3);
                try
                {
                    return TryParse(json, buffer, out complaint);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            buffer = t_utf8 = new byte[Math.Max(json.Length * 3, 4096)];
        }

        return TryParse(json, buffer, out complaint);
    }

    private static bool TryParse(string json, byte[] buffer, out Complaint? complaint)
    {
        complaint = null;

        // Invalid UTF-16 (a lone surrogate in the string itself) is the serializer's to report.
        if (Utf8.FromUtf16(json, buffer, out _, out var length, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return false;
        }

        return TryParse(buffer.AsSpan(0, length), out complaint);
    }

    /// <summary>
    /// Reads a plain complaint from valid UTF-8 (a line as it came, not decoded first): the same as reading the string
    /// those bytes encode, since that string's UTF-8 is these bytes.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Complaint? complaint)
    {
        try
        {
            return TryRead(new Utf8JsonReader(utf8, s_options), out complaint);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            complaint = null;
            return false;
        }
    }

    private static bool TryRead(Utf8JsonReader reader, out Complaint? complaint)
    {
        complaint = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        string? id = null, text = null, language = null, channel = null, product = null, currency = null;
        string? customerDemand = null, regime = null, customerId = null, handlerRole = null;
        decimal? amount = null;
        int? priorComplaints = null;
        List<string>? customerTags = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueIsEscaped ? 0 : FieldOf(reader.ValueSpan);
            if (field == 0 || (seen & field) != 0 || !reader.Read())
            {
                return false;
            }

            seen |= field;
            switch (field)
            {
                case Amount:
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
                    {
                        return false;
                    }

                    amount = value;
                    break;
                case PriorComplaints:
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var count))
                    {
                        return false;
                    }

                    priorComplaints = count;
                    break;
                case CustomerTags:
                    if (!TryReadTags(ref reader, out customerTags))
                    {
                        return false;
                    }

                    break;
                default:
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return false;
                    }

                    var s = reader.GetString()!;
                    switch (field)
                    {
                        case Id: id = s; break;
                        case Text: text = s; break;
                        case Language: language = s; break;
                        case Channel: channel = s; break;
                        case Product: product = s; break;
                        case Currency: currency = s; break;
                        case CustomerDemand: customerDemand = s; break;
                        case Regime: regime = s; break;
                        case CustomerId: customerId = s; break;
                        default: handlerRole = s; break;
                    }

                    break;
            }
        }

        // The object must close, with nothing but whitespace or comments after it, and hold both required fields.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || id is null || text is null)
        {
            return false;
        }

        complaint = new Complaint
        {
            Id = id,
            Text = text,
            Language = language,
            Channel = channel,
            Product = product,
            Amount = amount,
            Currency = currency,
            CustomerTags = customerTags,
            PriorComplaints = priorComplaints,
            CustomerDemand = customerDemand,
            Regime = regime,
            CustomerId = customerId,
            HandlerRole = handlerRole,
        };
        return true;
    }

    private static bool TryReadTags(ref Utf8JsonReader reader, out List<string>? tags)
    {
        tags = null;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return false;
            }

            list.Add(reader.GetString()!);
        }

        tags = list;
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static int FieldOf(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("id"u8) => Id,
        _ when name.SequenceEqual("text"u8) => Text,
        _ when name.SequenceEqual("language"u8) => Language,
        _ when name.SequenceEqual("channel"u8) => Channel,
        _ when name.SequenceEqual("product"u8) => Product,
        _ when name.SequenceEqual("amount"u8) => Amount,
        _ when name.SequenceEqual("currency"u8) => Currency,
        _ when name.SequenceEqual("customerTags"u8) => CustomerTags,
        _ when name.SequenceEqual("priorComplaints"u8) => PriorComplaints,
        _ when name.SequenceEqual("customerDemand"u8) => CustomerDemand,
        _ when name.SequenceEqual("regime"u8) => Regime,
        _ when name.SequenceEqual("customerId"u8) => CustomerId,
        _ when name.SequenceEqual("handlerRole"u8) => HandlerRole,
        _ => 0,
    };
}
