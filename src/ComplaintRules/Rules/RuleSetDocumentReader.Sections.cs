using System.Text.Json;

namespace ComplaintRules.Rules;

// The calendars, regimes and authority sections, and the values every section is made of.
internal static partial class RuleSetDocumentReader
{
    private delegate T ValueReader<T>(ref Utf8JsonReader reader);

    private static CalendarDocument Calendar(ref Utf8JsonReader r)
    {
        var c = new CalendarDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "description"u8, 0, ref seen)) { c.Description = Str(ref r); }
            else if (Is(ref r, "weekend"u8, 1, ref seen)) { c.Weekend = Strings(ref r); }
            else if (Is(ref r, "years"u8, 2, ref seen)) { c.Years = r.TokenType == JsonTokenType.Null ? null : Ints(ref r); }
            else if (Is(ref r, "holidays"u8, 3, ref seen)) { c.Holidays = Strings(ref r); }
            else if (Is(ref r, "workdays"u8, 4, ref seen)) { c.Workdays = Strings(ref r); }
            else if (Is(ref r, "sources"u8, 5, ref seen)) { c.Sources = List(ref r, Source); }
            else { throw new RefusedException(); }
        }

        return c;
    }

    private static RegimeDocument Regime(ref Utf8JsonReader r)
    {
        var g = new RegimeDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "name"u8, 0, ref seen)) { g.Name = Str(ref r); }
            else if (Is(ref r, "description"u8, 1, ref seen)) { g.Description = Str(ref r); }
            else if (Is(ref r, "timeZone"u8, 2, ref seen)) { g.TimeZone = Str(ref r); }
            else if (Is(ref r, "calendar"u8, 3, ref seen)) { g.Calendar = Str(ref r); }
            else if (Is(ref r, "basis"u8, 4, ref seen)) { g.Basis = Strings(ref r); }
            else if (Is(ref r, "validFrom"u8, 5, ref seen)) { g.ValidFrom = Str(ref r); }
            else if (Is(ref r, "sources"u8, 6, ref seen)) { g.Sources = List(ref r, Source); }
            else if (Is(ref r, "deadlines"u8, 7, ref seen)) { g.Deadlines = List(ref r, Deadline); }
            else { throw new RefusedException(); }
        }

        return g;
    }

    private static DeadlineDocument Deadline(ref Utf8JsonReader r)
    {
        var d = new DeadlineDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "kind"u8, 0, ref seen)) { d.Kind = Str(ref r); }
            else if (Is(ref r, "amount"u8, 1, ref seen)) { d.Amount = Int(ref r); }
            else if (Is(ref r, "unit"u8, 2, ref seen)) { d.Unit = Str(ref r); }
            else if (Is(ref r, "from"u8, 3, ref seen)) { d.From = Str(ref r); }
            else if (Is(ref r, "rollForward"u8, 4, ref seen)) { d.RollForward = Bool(ref r); }
            else if (Is(ref r, "basis"u8, 5, ref seen)) { d.Basis = Str(ref r); }
            else if (Is(ref r, "when"u8, 6, ref seen)) { d.When = Str(ref r); }
            else if (Is(ref r, "condition"u8, 7, ref seen)) { d.Condition = Text(ref r); }
            else if (Is(ref r, "note"u8, 8, ref seen)) { d.Note = Text(ref r); }
            else if (Is(ref r, "mention"u8, 9, ref seen)) { d.Mention = Strings(ref r); }
            else if (Is(ref r, "notice"u8, 10, ref seen)) { d.Notice = Text(ref r); }
            else if (Is(ref r, "source"u8, 11, ref seen)) { d.Source = Null(ref r) ? null : Source(ref r); }
            else { throw new RefusedException(); }
        }

        return d;
    }

    private static SourceDocument Source(ref Utf8JsonReader r)
    {
        var s = new SourceDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "title"u8, 0, ref seen)) { s.Title = Str(ref r); }
            else if (Is(ref r, "provision"u8, 1, ref seen)) { s.Provision = Str(ref r); }
            else if (Is(ref r, "url"u8, 2, ref seen)) { s.Url = Str(ref r); }
            else if (Is(ref r, "checked"u8, 3, ref seen)) { s.Checked = Str(ref r); }
            else { throw new RefusedException(); }
        }

        return s;
    }

    private static AuthorityDocument Authority(ref Utf8JsonReader r)
    {
        var a = new AuthorityDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "description"u8, 0, ref seen)) { a.Description = Str(ref r); }
            else if (Is(ref r, "replace"u8, 1, ref seen)) { a.Replace = Bool(ref r); }
            else if (Is(ref r, "roles"u8, 2, ref seen)) { a.Roles = List(ref r, Role); }
            else if (Is(ref r, "remedies"u8, 3, ref seen)) { a.Remedies = Map(ref r, RemedyAuthority); }
            else if (Is(ref r, "guidance"u8, 4, ref seen)) { a.Guidance = Null(ref r) ? null : Guidance(ref r); }
            else { throw new RefusedException(); }
        }

        return a;
    }

    private static AuthorityRoleDocument Role(ref Utf8JsonReader r)
    {
        var role = new AuthorityRoleDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "id"u8, 0, ref seen)) { role.Id = Str(ref r); }
            else if (Is(ref r, "label"u8, 1, ref seen)) { role.Label = Text(ref r); }
            else { throw new RefusedException(); }
        }

        return role;
    }

    private static RemedyAuthorityDocument RemedyAuthority(ref Utf8JsonReader r)
    {
        var m = new RemedyAuthorityDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "grantedBy"u8, 0, ref seen)) { m.GrantedBy = Str(ref r); }
            else if (Is(ref r, "fromSeverity"u8, 1, ref seen)) { m.FromSeverity = Map(ref r, static (ref Utf8JsonReader v) => Str(ref v)!); }
            else if (Is(ref r, "caps"u8, 2, ref seen)) { m.Caps = Map(ref r, Amounts); }
            else { throw new RefusedException(); }
        }

        return m;
    }

    private static AuthorityGuidanceDocument Guidance(ref Utf8JsonReader r)
    {
        var g = new AuthorityGuidanceDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "offerNow"u8, 0, ref seen)) { g.OfferNow = Text(ref r); }
            else if (Is(ref r, "needsApproval"u8, 1, ref seen)) { g.NeedsApproval = Text(ref r); }
            else if (Is(ref r, "listSeparator"u8, 2, ref seen)) { g.ListSeparator = Text(ref r); }
            else { throw new RefusedException(); }
        }

        return g;
    }

    private static TieBreakDocument TieBreak(ref Utf8JsonReader r)
    {
        var t = new TieBreakDocument();
        ulong seen = 0;
        while (NextMember(ref r))
        {
            if (Is(ref r, "description"u8, 0, ref seen)) { t.Description = Str(ref r); }
            else if (Is(ref r, "trainedOn"u8, 1, ref seen)) { t.TrainedOn = Str(ref r); }
            else if (Is(ref r, "weight"u8, 2, ref seen)) { t.Weight = Double(ref r); }
            else if (Is(ref r, "scale"u8, 3, ref seen)) { t.Scale = Double(ref r); }
            else if (Is(ref r, "en"u8, 4, ref seen)) { t.En = Map(ref r, Weights); }
            else if (Is(ref r, "zh"u8, 5, ref seen)) { t.Zh = Map(ref r, Weights); }
            else if (Is(ref r, "presence"u8, 6, ref seen)) { t.Presence = Double(ref r); }
            else if (Is(ref r, "detect"u8, 7, ref seen)) { t.Detect = Double(ref r); }
            else if (Is(ref r, "leads"u8, 8, ref seen)) { t.Leads = Map(ref r, static (ref Utf8JsonReader v) => Double(ref v) ?? throw new RefusedException()); }
            else { throw new RefusedException(); }
        }

        return t;
    }

    // A gram's weights: numbers only (a null among them is the serializer's to report).
    private static List<double> Weights(ref Utf8JsonReader r) =>
        List(ref r, static (ref Utf8JsonReader v) => Double(ref v) ?? throw new RefusedException()) ?? throw new RefusedException();

    // Currency → amount; a null amount is the serializer's to report (decimal is not nullable).
    private static Dictionary<string, decimal> Amounts(ref Utf8JsonReader r) =>
        Map(ref r, static (ref Utf8JsonReader v) => v.TokenType == JsonTokenType.Number && v.TryGetDecimal(out var amount) ? amount : throw new RefusedException())
        ?? throw new RefusedException();

    // On a property name: moves to its value. On the object's end: false. The reader starts on the object's '{'.
    private static bool NextMember(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.StartObject || r.TokenType != JsonTokenType.PropertyName)
        {
            Move(ref r);
        }

        if (r.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        return r.TokenType == JsonTokenType.PropertyName ? true : throw new RefusedException();
    }

    // Whether the member is NAME; a member given twice is the serializer's to decide. Leaves the reader on the value.
    private static bool Is(ref Utf8JsonReader r, ReadOnlySpan<byte> name, int bit, ref ulong seen)
    {
        if (!r.ValueTextEquals(name))
        {
            return false;
        }

        var flag = 1UL << bit;
        if ((seen & flag) != 0)
        {
            throw new RefusedException();
        }

        seen |= flag;
        Move(ref r);
        return true;
    }

    private static void Move(ref Utf8JsonReader r)
    {
        if (!r.Read())
        {
            throw new RefusedException();
        }
    }

    private static bool Null(ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.Null || (r.TokenType != JsonTokenType.StartObject ? throw new RefusedException() : false);

    private static string? Str(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => r.GetString(),
        JsonTokenType.Null => null,
        _ => throw new RefusedException(),
    };

    private static double? Double(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.Number when r.TryGetDouble(out var value) && double.IsFinite(value) => value,
        JsonTokenType.Null => null,
        _ => throw new RefusedException(),
    };

    private static int? Int(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.Number when r.TryGetInt32(out var value) => value,
        JsonTokenType.Null => null,
        _ => throw new RefusedException(),
    };

    private static bool? Bool(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw new RefusedException(),
    };

    private static List<string>? Strings(ref Utf8JsonReader r) => List(ref r, static (ref Utf8JsonReader v) => Str(ref v)!);

    // The serializer keeps a null element of a list or map of objects or strings; of numbers it is an error.
    private static T NullElement<T>() => typeof(T).IsValueType ? throw new RefusedException() : default!;

    private static List<int> Ints(ref Utf8JsonReader r)
    {
        var list = new List<int>();
        if (r.TokenType != JsonTokenType.StartArray)
        {
            throw new RefusedException();
        }

        for (Move(ref r); r.TokenType != JsonTokenType.EndArray; Move(ref r))
        {
            list.Add(Int(ref r) ?? throw new RefusedException());
        }

        return list;
    }

    // An array of values or objects; a null element stays null, as the serializer keeps it.
    private static List<T>? List<T>(ref Utf8JsonReader r, ValueReader<T> element)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            throw new RefusedException();
        }

        var list = new List<T>();
        for (Move(ref r); r.TokenType != JsonTokenType.EndArray; Move(ref r))
        {
            list.Add(r.TokenType == JsonTokenType.Null ? NullElement<T>() : element(ref r));
        }

        return list;
    }

    // An object of named values; a name given twice is the serializer's to decide.
    private static Dictionary<string, T>? Map<T>(ref Utf8JsonReader r, ValueReader<T> value)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new RefusedException();
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextMember(ref r))
        {
            var key = r.GetString()!;
            Move(ref r);
            if (!map.TryAdd(key, r.TokenType == JsonTokenType.Null ? NullElement<T>() : value(ref r)))
            {
                throw new RefusedException();
            }
        }

        return map;
    }
}
