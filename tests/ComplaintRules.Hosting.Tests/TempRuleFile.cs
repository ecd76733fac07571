namespace ComplaintRules.Hosting.Tests;

/// <summary>A rule file in its own temporary folder, deleted afterwards.</summary>
internal sealed class TempRuleFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "complaint-rules-tests", Guid.NewGuid().ToString("n"));

    public TempRuleFile(string content)
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "host.rules.json");
        Write(content);
    }

    public string Path { get; }

    /// <summary>Replaces the file's content the way editors do: write a new file, then move it over the old one.</summary>
    public void Write(string content)
    {
        var temp = Path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, Path, overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    /// <summary>A rule set whose every rule id carries <paramref name="version"/>, and all of which fire on <see cref="Complaint"/>.</summary>
    public static string Versioned(int version) => $$"""
        {
          "name": "host",
          "version": "{{version}}",
          "lexicons": { "refund": { "en": ["refund"] } },
          "remedyCatalog": { "refund": { "outcomeClass": "monetary" } },
          "rules": {
            "causes": [ { "id": "v{{version}}.cause", "when": "Has(\"refund\")", "cause": "rights_claim", "weight": 0.9 } ],
            "conflicts": [ { "id": "v{{version}}.conflict", "when": "true", "type": "price", "weight": 0.5 } ],
            "severity": [ { "id": "v{{version}}.severity", "when": "HasCause(\"rights_claim\")", "level": "serious" } ],
            "steps": [ { "id": "v{{version}}.step", "when": "true", "step": "listen", "guidance": { "en": "version {{version}}" } } ],
            "remedies": [ { "id": "v{{version}}.remedy", "when": "true", "remedy": "refund", "priority": {{version}} } ]
          }
        }
        """;

    /// <summary>A file that is not valid: the condition names a signal that does not exist.</summary>
    public static string Invalid(int version) => Versioned(version).Replace("Has(\\\"refund\\\")", "Has(\\\"refnud\\\")", StringComparison.Ordinal);

    public static Complaint Complaint { get; } = new() { Id = "t", Text = "I want a refund." };
}
