using System.Globalization;
using ComplaintRules.Rules;

namespace ComplaintRules.Authority;

/// <summary>
/// Layers and validates the <c>authority</c> section of rule-set documents. A later document's <c>roles</c> replace
/// the list whole (the order is the point of it), a remedy's entry is replaced whole, guidance texts one by one.
/// Checked once every layer is in, since an entry may name a role or remedy a later layer declares.
/// </summary>
internal sealed partial class AuthoritySectionLoader(List<RuleDiagnostic> diagnostics)
{
    /// <summary>The most roles a rule set may declare; a ladder of authority is short.</summary>
    public const int MaxRoles = 32;

    private readonly Dictionary<string, Located<RemedyAuthorityDocument?>> _remedies = new(StringComparer.Ordinal);
    private Located<List<AuthorityRoleDocument?>>? _roles;
    private Located<AuthorityDocument>? _first;
    private LocalizedText? _offerNow;
    private LocalizedText? _needsApproval;
    private LocalizedText? _separator;
    private int _layers;

    // Roles that a later layer's list dropped while earlier layers' entries still name them: role → those remedies.
    private readonly SortedDictionary<string, SortedSet<string>> _dropped = new(StringComparer.Ordinal);

    public void Add(string file, JsonLocator locator, AuthorityDocument section)
    {
        var layer = _layers++;
        if (section.Replace == true)
        {
            (_roles, _offerNow, _needsApproval, _separator) = (null, null, null, null);
            _remedies.Clear();
            _first = null;
        }

        _first ??= new(section, file, locator, "$.authority", layer);
        if (section.Roles is not null)
        {
            _roles = new(section.Roles!, file, locator, "$.authority.roles", layer);
        }

        foreach (var (remedy, entry) in section.Remedies ?? [])
        {
            _remedies[remedy] = new(entry, file, locator, $"$.authority.remedies.{remedy}", layer);
        }

        _offerNow = section.Guidance?.OfferNow ?? _offerNow;
        _needsApproval = section.Guidance?.NeedsApproval ?? _needsApproval;
        _separator = section.Guidance?.ListSeparator ?? _separator;
    }

    public AuthorityLimits? Build(IReadOnlyDictionary<string, LocalizedText?> catalog)
    {
        if (_first is null)
        {
            return null;
        }

        var before = diagnostics.Count;
        if (_roles is not { Value.Count: > 0 } roles)
        {
            const string message = "the authority section needs \"roles\": a list of at least one role, lowest authority first";
            if (_roles is not null)
            {
                Error(DiagnosticCodes.InvalidAuthority, _roles, _roles.Path, message);
            }
            else
            {
                Error(DiagnosticCodes.InvalidAuthority, _first, _first.Path, message);
            }

            return null;
        }

        var (ids, labels) = ReadRoles(roles);
        if (diagnostics.Count > before)
        {
            return null;
        }

        var rank = ids.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        var grants = new Dictionary<string, RemedyGrant>(StringComparer.Ordinal);
        foreach (var (remedy, entry) in _remedies)
        {
            if (ReadGrant(remedy, entry, rank, catalog) is { } grant)
            {
                grants[remedy] = grant;
            }
        }

        if (_dropped.Count > 0)
        {
            // One problem, in the file that replaced the roles: the entries that name the dropped roles may be in a
            // file its author cannot edit (the embedded default), and one line per value would bury the fix.
            Error(DiagnosticCodes.UnknownRole, roles, roles.Path,
                "these roles are no longer declared, but earlier layers' authority entries name them: "
                + string.Join("; ", _dropped.Select(d => $"'{d.Key}' ({string.Join(", ", d.Value)})"))
                + ". Keep those role ids in this list, or give those remedies new entries under \"remedies\" in this file");
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        var guidance = new AuthorityGuidance(
            _offerNow ?? new LocalizedText { En = "May be offered now: {remedies}." },
            _needsApproval ?? new LocalizedText { En = "Ask {role} for approval before promising: {remedies}." },
            _separator ?? new LocalizedText { En = ", " });
        var remedyLabels = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (remedy, label) in catalog)
        {
            if (label is not null)
            {
                remedyLabels[remedy] = label;
            }
        }

        return new AuthorityLimits(ids, labels, grants, remedyLabels, guidance);
    }

    private (string[] Ids, LocalizedText[] Labels) ReadRoles(Located<List<AuthorityRoleDocument?>> roles)
    {
        if (roles.Value.Count > MaxRoles)
        {
            Error(DiagnosticCodes.InvalidAuthority, roles, roles.Path, $"{roles.Value.Count} roles; at most {MaxRoles} are allowed");
        }

        var ids = new string[roles.Value.Count];
        var labels = new LocalizedText[roles.Value.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < roles.Value.Count; i++)
        {
            var role = roles.Value[i];
            var path = $"{roles.Path}[{i}]";
            if (role?.Id is not { } id || !NamePatterns.IsLowerSnake(id))
            {
                Error(DiagnosticCodes.InvalidAuthority, roles, role?.Id is null ? path : $"{path}.id",
                    $"role id '{role?.Id}' must be lower_snake_case (a-z, 0-9, _), starting with a letter");
                continue;
            }

            if (!seen.Add(id))
            {
                Error(DiagnosticCodes.InvalidAuthority, roles, $"{path}.id", $"role '{id}' is listed twice; each role has one place in the order");
            }

            ids[i] = id;
            labels[i] = role.Label ?? new LocalizedText();
        }

        return (ids, labels);
    }

    private RemedyGrant? ReadGrant(string remedy, Located<RemedyAuthorityDocument?> entry, Dictionary<string, int> rank, IReadOnlyDictionary<string, LocalizedText?> catalog)
    {
        var before = diagnostics.Count;
        if (!catalog.ContainsKey(remedy))
        {
            Error(DiagnosticCodes.InvalidAuthority, entry, entry.Path, $"remedy '{remedy}' is not in the remedyCatalog" + Suggest(remedy, catalog.Keys));
        }

        if (entry.Value is not { } doc)
        {
            Error(DiagnosticCodes.InvalidAuthority, entry, entry.Path, "an authority entry must be an object with \"grantedBy\", and optionally \"fromSeverity\" and \"caps\"");
            return null;
        }

        var minRank = doc.GrantedBy is null ? 0 : Role(entry, $"{entry.Path}.grantedBy", doc.GrantedBy, rank);
        // Kept in order of severity by insertion (as a stable sort would): a list of tuples ordered by LINQ is generic
        // code the JIT compiles at each start.
        var fromSeverity = new (Severity Level, int Rank)[doc.FromSeverity?.Count ?? 0];
        var count = 0;
        foreach (var (level, role) in doc.FromSeverity ?? [])
        {
            if (!Vocabulary.TryParseSeverity(level, out var severity))
            {
                Error(DiagnosticCodes.InvalidAuthority, entry, $"{entry.Path}.fromSeverity.{level}", $"'{level}' is not a severity: one of {string.Join(", ", Vocabulary.Severities)}");
                continue;
            }

            var grant = (severity, Role(entry, $"{entry.Path}.fromSeverity.{level}", role, rank));
            var at = count++;
            for (; at > 0 && fromSeverity[at - 1].Level > severity; at--)
            {
                fromSeverity[at] = fromSeverity[at - 1];
            }

            fromSeverity[at] = grant;
        }

        var caps = new Dictionary<string, decimal?[]>(StringComparer.Ordinal);
        foreach (var (currency, table) in doc.Caps ?? [])
        {
            var path = $"{entry.Path}.caps.{currency}";
            if (!NamePatterns.IsCurrencyCode(currency))
            {
                Error(DiagnosticCodes.InvalidAuthority, entry, path, $"currency '{currency}' must be an ISO 4217 code in capitals, e.g. CNY, USD");
                continue;
            }

            if (ReadCaps(entry, path, table ?? [], rank) is { } byRank)
            {
                caps[currency] = byRank;
            }
        }

        return diagnostics.Count > before ? null : new RemedyGrant(minRank, fromSeverity[..count], caps);
    }

    // The caps of one currency by rank, uncapped roles filled in: below a capped role, the cap of the nearest capped
    // role beneath (0 when there is none); above every capped role, no limit.
    private decimal?[]? ReadCaps(Located<RemedyAuthorityDocument?> entry, string path, Dictionary<string, decimal> table, Dictionary<string, int> rank)
    {
        var before = diagnostics.Count;
        var listed = new decimal?[rank.Count];
        foreach (var (role, cap) in table)
        {
            var r = Role(entry, $"{path}.{role}", role, rank);
            if (cap <= 0)
            {
                Error(DiagnosticCodes.InvalidAuthority, entry, $"{path}.{role}", $"the cap of '{role}' must be above 0, not {cap.ToString(CultureInfo.InvariantCulture)}");
            }
            else if (r >= 0)
            {
                listed[r] = cap;
            }
        }

        var (previousRole, previousCap) = (-1, 0m);
        for (var r = 0; r < listed.Length; r++)
        {
            if (listed[r] is not { } cap)
            {
                continue;
            }

            if (previousRole >= 0 && cap <= previousCap)
            {
                var roles = rank.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
                Error(DiagnosticCodes.CapsOutOfOrder, entry, $"{path}.{roles[r]}",
                    $"caps out of order: '{roles[r]}' may grant up to {cap.ToString(CultureInfo.InvariantCulture)}, no more than the lower role '{roles[previousRole]}' ({previousCap.ToString(CultureInfo.InvariantCulture)}); a higher role's cap must be larger");
            }

            (previousRole, previousCap) = (r, cap);
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        var filled = new decimal?[listed.Length];
        var below = 0m;
        for (var r = 0; r < listed.Length; r++)
        {
            below = listed[r] ?? below;
            filled[r] = r > previousRole ? null : below;
        }

        return filled;
    }

    private int Role(Located<RemedyAuthorityDocument?> entry, string path, string? role, Dictionary<string, int> rank)
    {
        if (role is not null && rank.TryGetValue(role, out var r))
        {
            return r;
        }

        if (role is not null && entry.Layer < _roles!.Layer)
        {
            if (!_dropped.TryGetValue(role, out var remedies))
            {
                _dropped[role] = remedies = new SortedSet<string>(StringComparer.Ordinal);
            }

            remedies.Add(entry.Path[(entry.Path.LastIndexOf('.') + 1)..]);
            return -1;
        }

        Error(DiagnosticCodes.UnknownRole, entry, path, $"unknown role '{role}': the roles are {string.Join(", ", rank.Keys)}" + Suggest(role, rank.Keys));
        return -1;
    }

    private static string Suggest(string? name, IEnumerable<string> known) =>
        name is not null && NameSuggestions.Closest(name, known) is { } s ? $"; did you mean '{s}'?" : "";

    private void Error<T>(string code, Located<T> where, string path, string message)
    {
        // Problems of a remedy's entry name the remedy, as rule diagnostics name the rule.
        const string remedies = "$.authority.remedies.";
        var id = where.Path.StartsWith(remedies, StringComparison.Ordinal) ? where.Path[remedies.Length..] : null;
        var (line, column) = where.Locator.Locate(path);
        diagnostics.Add(new RuleDiagnostic(where.File, line, column, id, path, message) { Code = code });
    }

    private sealed record Located<T>(T Value, string File, JsonLocator Locator, string Path, int Layer);

}
