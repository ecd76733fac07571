using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintRules;

/// <summary>Registers ComplaintRules in a service collection.</summary>
public static class ComplaintRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ComplaintAnalyzer"/> (a thread-safe singleton that always runs the current rule set),
    /// <see cref="ComplaintRuleSetProvider"/>, <see cref="ComplaintRulesHealthCheck"/>, the early-warning
    /// <see cref="ComplaintMonitor"/> (fed by the host: <see cref="ComplaintMonitor.Record"/>) and validated
    /// <see cref="ComplaintRulesOptions"/>; a bad rule file fails host start-up. Registrations use TryAdd, so a host
    /// can replace any of them. Calling it again only adds configuration. In a host, the rule set is compiled at start-up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options; optional (they can also be bound from configuration).</param>
    /// <returns>A builder to add rule files and sources.</returns>
    public static IComplaintRulesBuilder AddComplaintRules(this IServiceCollection services, Action<ComplaintRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ComplaintRulesOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // Relative rule files belong to the app, not to whatever directory it was started from.
        options.PostConfigure<IServiceProvider>((o, sp) => o.ContentRoot ??= sp.GetService<IHostEnvironment>()?.ContentRootPath);

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintRulesOptions>, ComplaintRulesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ComplaintRuleSetProvider(
            sp.GetRequiredService<IOptions<ComplaintRulesOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<ComplaintRuleSetProvider>>()));
        services.TryAddSingleton(sp => new ComplaintAnalyzer(
            sp.GetRequiredService<ComplaintRuleSetProvider>(),
            sp.GetRequiredService<IOptions<ComplaintRulesOptions>>().Value.ToAnalyzerOptions(sp.GetService<TimeProvider>())));
        services.TryAddSingleton<ComplaintRulesHealthCheck>();
        services.TryAddSingleton(sp => new ComplaintMonitor(
            sp.GetRequiredService<ComplaintRuleSetProvider>(),
            sp.GetService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ComplaintRulesOptions>>().Value.Monitor));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ComplaintRulesWarmup>());
        return new ComplaintRulesBuilder(services);
    }

    private sealed class ComplaintRulesBuilder(IServiceCollection services) : IComplaintRulesBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}

/// <summary>Configures ComplaintRules after <see cref="ComplaintRulesServiceCollectionExtensions.AddComplaintRules"/>.</summary>
public interface IComplaintRulesBuilder
{
    /// <summary>The services being configured.</summary>
    IServiceCollection Services { get; }
}

/// <summary>Chained configuration for <see cref="IComplaintRulesBuilder"/>.</summary>
public static class ComplaintRulesBuilderExtensions
{
    /// <summary>Layers a rule-set file over what is already configured.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="reloadOnChange">Whether the rule set is rebuilt when the file changes (turns on <see cref="ComplaintRulesOptions.ReloadOnChange"/>).</param>
    /// <returns>The builder.</returns>
    public static IComplaintRulesBuilder AddRuleFile(this IComplaintRulesBuilder builder, string path, bool reloadOnChange = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.Configure(o =>
        {
            o.RuleFiles.Add(path);
            o.ReloadOnChange |= reloadOnChange;
        });
    }

    /// <summary>Layers a rule-set document from code (see <see cref="RuleSetSource.FromJson"/> and <see cref="RuleSetSource.FromStream"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="source">The document.</param>
    /// <returns>The builder.</returns>
    public static IComplaintRulesBuilder AddRuleSource(this IComplaintRulesBuilder builder, RuleSetSource source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        return builder.Configure(o => o.AdditionalSources.Add(source));
    }

    /// <summary>Leaves out the embedded default rule set: only the added files and sources are used.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IComplaintRulesBuilder WithoutDefaultRules(this IComplaintRulesBuilder builder) =>
        builder.Configure(o => o.UseDefaultRules = false);

    /// <summary>Configures the options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">The configuration.</param>
    /// <returns>The builder.</returns>
    public static IComplaintRulesBuilder Configure(this IComplaintRulesBuilder builder, Action<ComplaintRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }
}
