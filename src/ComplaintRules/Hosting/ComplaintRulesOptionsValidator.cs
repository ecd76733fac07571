using Microsoft.Extensions.Options;

namespace ComplaintRules;

/// <summary>
/// Validates <see cref="ComplaintRulesOptions"/>, including loading the rule files, so that with <c>ValidateOnStart</c>
/// a bad rule file stops the host at start-up with every problem's file, line and rule.
/// </summary>
internal sealed class ComplaintRulesOptionsValidator : IValidateOptions<ComplaintRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplaintRulesOptions options)
    {
        var failures = new List<string>();
        foreach (var (limit, value) in new[]
        {
            (nameof(options.MaxTextLength), options.MaxTextLength), (nameof(options.MaxFieldLength), options.MaxFieldLength),
            (nameof(options.MaxDemandLength), options.MaxDemandLength), (nameof(options.MaxAttributeValueLength), options.MaxAttributeValueLength),
            (nameof(options.MaxEntries), options.MaxEntries),
        })
        {
            if (value < 1)
            {
                failures.Add($"{limit} must be at least 1, not {value}.");
            }
        }

        if (options.DefaultLanguage is not (null or "zh" or "en"))
        {
            failures.Add($"{nameof(options.DefaultLanguage)} must be \"zh\", \"en\" or null, not \"{options.DefaultLanguage}\".");
        }

        if (options.ReloadDelay < TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.ReloadDelay)} must not be negative.");
        }

        if (options.ReloadPollInterval < TimeSpan.Zero)
        {
            failures.Add($"{nameof(options.ReloadPollInterval)} must not be negative (zero turns polling off).");
        }

        var sources = options.BuildSources();
        if (sources.Count == 0)
        {
            failures.Add("No rule set: UseDefaultRules is false and no rule file or source was added.");
        }
        else
        {
            failures.AddRange(ComplaintRuleSet.Validate(sources).Select(d => d.ToString()));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
