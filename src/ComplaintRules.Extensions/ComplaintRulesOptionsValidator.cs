using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace ComplaintRules;

/// <summary>
/// Validates <see cref="ComplaintRulesOptions"/> completely, so that with <c>ValidateOnStart</c> any bad option or
/// rule file stops the host at start-up: every option's range (the attributes on the options, through the
/// generated <see cref="ComplaintRulesOptionsAnnotations"/>), the deadline targets and default regime, and the rule set itself, with
/// every problem's file, line and rule. The rule set compiled here is handed to the provider, which serves it
/// unless the files changed in between: one compile at start, not two.
/// </summary>
internal sealed class ComplaintRulesOptionsValidator(ValidatedRuleSets validated) : IValidateOptions<ComplaintRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplaintRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var annotations = new ComplaintRulesOptionsAnnotations().Validate(name, options);
        if (annotations.Failed)
        {
            failures.AddRange(annotations.Failures);
        }

        try
        {
            _ = options.Analyzer.Deadlines.Snapshot();
        }
        catch (ArgumentException ex)
        {
            failures.Add($"Analyzer.Deadlines: {ex.Message}");
        }

        var fixedSources = options.BuildFixedSources();
        var files = options.ResolveRuleFiles();
        if (fixedSources.Count + files.Count == 0)
        {
            failures.Add("No rule set: UseDefaultRules is false and no rule file or source was added.");
            return ValidateOptionsResult.Fail(failures);
        }

        var snapshot = RuleFileSnapshot.Read(files);
        var (ruleSet, diagnostics) = Rules.RuleSetLoader.TryLoad(snapshot.Sources(fixedSources));
        failures.AddRange(diagnostics.Select(d => d.ToString()));
        if (ruleSet is not null && options.Analyzer.Deadlines.DefaultRegime is { } regime && !string.IsNullOrWhiteSpace(regime)
            && !ruleSet.Regimes.ContainsKey(regime.Trim()))
        {
            // Otherwise every complaint would carry a warning and no deadline.
            failures.Add($"Analyzer.Deadlines.DefaultRegime: '{regime}' is not a regime of the rule set ({string.Join(", ", ruleSet.Regimes.Keys.Order(StringComparer.Ordinal))}).");
        }

        if (ruleSet is not null && failures.Count == 0)
        {
            validated.Keep(options, snapshot.Fingerprint, ruleSet);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The ranges declared by attributes on the options and their nested analyzer and monitor options.</summary>
[OptionsValidator]
internal sealed partial class ComplaintRulesOptionsAnnotations : IValidateOptions<ComplaintRulesOptions>;

/// <summary>
/// Rule sets compiled while validating an options instance, waiting for the provider built from the same instance.
/// Weak keys: options that never get a provider do not keep their rule set alive.
/// </summary>
internal sealed class ValidatedRuleSets
{
    private readonly ConditionalWeakTable<ComplaintRulesOptions, Validated> _byOptions = [];

    public void Keep(ComplaintRulesOptions options, string fingerprint, ComplaintRuleSet ruleSet) =>
        _byOptions.AddOrUpdate(options, new Validated(fingerprint, ruleSet));

    /// <summary>The rule set validated for <paramref name="options"/> if its files still read as they did then; taken once.</summary>
    public ComplaintRuleSet? Take(ComplaintRulesOptions options, string fingerprint) =>
        _byOptions.TryGetValue(options, out var kept) && _byOptions.Remove(options) && kept.Fingerprint == fingerprint ? kept.RuleSet : null;

    private sealed record Validated(string Fingerprint, ComplaintRuleSet RuleSet);
}
