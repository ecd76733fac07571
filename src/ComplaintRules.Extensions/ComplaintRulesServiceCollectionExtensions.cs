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
    /// <see cref="FileRuleSetProvider"/> (also as <see cref="ComplaintRuleSetProvider"/>), <see cref="ComplaintRulesHealthCheck"/>,
    /// the early-warning <see cref="ComplaintMonitor"/> (fed by the host: <see cref="ComplaintMonitor.Record"/>) and
    /// <see cref="ComplaintRulesOptions"/>, validated completely at start: a bad option or rule file fails host
    /// start-up, and the rule set compiled by that validation is the one served. The clock is the container's
    /// <see cref="TimeProvider"/> when one is registered, else <see cref="TimeProvider.System"/>; none is registered
    /// here. Registrations use TryAdd, so a host can replace any of them (a <see cref="ComplaintRuleSetProvider"/> of
    /// its own, for example). Calling it again only adds configuration.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options; optional (they can also be bound from configuration).</param>
    /// <returns>A builder to add rule files and sources.</returns>
    public static IComplaintRulesBuilder AddComplaintRules(this IServiceCollection services, Action<ComplaintRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return Register(services, Microsoft.Extensions.Options.Options.DefaultName, configure);
    }

    /// <summary>
    /// Registers a second (third, …) rule set under <paramref name="name"/>, for a host that serves two business lines
    /// or tenants: its own <see cref="ComplaintRulesOptions"/> (named options; configure them through the returned
    /// builder or <c>services.Configure&lt;ComplaintRulesOptions&gt;(name, …)</c>), and keyed singletons of
    /// <see cref="ComplaintAnalyzer"/>, <see cref="ComplaintRuleSetProvider"/>, <see cref="FileRuleSetProvider"/>,
    /// <see cref="ComplaintMonitor"/> and <see cref="ComplaintRulesHealthCheck"/> under the key <paramref name="name"/>
    /// (<c>[FromKeyedServices("cards")] ComplaintAnalyzer analyzer</c>). Validated at start and warmed up like the
    /// unnamed registration, which it leaves alone.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The name: the options' name and the services' key.</param>
    /// <param name="configure">Configures the options; optional.</param>
    /// <returns>A builder, whose <see cref="IComplaintRulesBuilder.Name"/> is <paramref name="name"/>.</returns>
    public static IComplaintRulesBuilder AddKeyedComplaintRules(this IServiceCollection services, string name, Action<ComplaintRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Register(services, name, configure);
    }

    private static ComplaintRulesBuilder Register(IServiceCollection services, string name, Action<ComplaintRulesOptions>? configure)
    {
        var options = services.AddOptions<ComplaintRulesOptions>(name).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var builder = new ComplaintRulesBuilder(services, name);
        if (services.Any(d => d.ServiceType == typeof(ComplaintRulesBuilder) && d.ImplementationInstance is ComplaintRulesBuilder known && known.Name == name))
        {
            return builder; // registered before: only the configuration is added
        }

        services.AddSingleton(builder); // the names the warm-up goes through

        // Relative rule files belong to the app, not to whatever directory it was started from; the deadlines' clock
        // is the host's when it has one.
        options.PostConfigure<IServiceProvider>((o, sp) =>
        {
            o.ContentRoot ??= sp.GetService<IHostEnvironment>()?.ContentRootPath;
            if (sp.GetService<TimeProvider>() is { } clock)
            {
                o.Analyzer.Deadlines.TimeProvider = clock;
            }
        });

        services.TryAddSingleton<ValidatedRuleSets>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplaintRulesOptions>, ComplaintRulesOptionsValidator>());

        // The unnamed registration is not keyed, so hosts with one rule set inject the types plainly.
        var key = name.Length == 0 ? null : name;
        TryAdd(services, key, sp => new FileRuleSetProvider(
            Options(sp, name),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<FileRuleSetProvider>>(),
            sp.GetRequiredService<ValidatedRuleSets>()));
        TryAdd<ComplaintRuleSetProvider>(services, key, sp => Resolve<FileRuleSetProvider>(sp, key));
        TryAdd(services, key, sp => new ComplaintAnalyzer(Resolve<ComplaintRuleSetProvider>(sp, key), Options(sp, name).Analyzer));
        TryAdd(services, key, sp => new ComplaintRulesHealthCheck(Resolve<FileRuleSetProvider>(sp, key)));
        TryAdd(services, key, sp => new ComplaintMonitor(Resolve<ComplaintRuleSetProvider>(sp, key), sp.GetService<TimeProvider>(), Options(sp, name).Monitor));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ComplaintRulesWarmup>());
        return builder;
    }

    // Options are read through IOptionsMonitor, whose instance is the one ValidateOnStart validated (IOptions<T> keeps a
    // cache of its own and would validate, and compile, a second instance).
    private static ComplaintRulesOptions Options(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<ComplaintRulesOptions>>().Get(name);

    internal static T Resolve<T>(IServiceProvider services, string? key)
        where T : notnull =>
        key is null ? services.GetRequiredService<T>() : services.GetRequiredKeyedService<T>(key);

    private static void TryAdd<T>(IServiceCollection services, string? key, Func<IServiceProvider, T> create)
        where T : class =>
        services.TryAdd(key is null
            ? ServiceDescriptor.Singleton(create)
            : ServiceDescriptor.KeyedSingleton<T>(key, (sp, _) => create(sp)));

    internal sealed class ComplaintRulesBuilder(IServiceCollection services, string name) : IComplaintRulesBuilder
    {
        public IServiceCollection Services { get; } = services;

        public string Name { get; } = name;
    }
}

/// <summary>Configures ComplaintRules after <see cref="ComplaintRulesServiceCollectionExtensions.AddComplaintRules"/>.</summary>
public interface IComplaintRulesBuilder
{
    /// <summary>The services being configured.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// The name of the options this builder configures and the key of its services: empty for
    /// <see cref="ComplaintRulesServiceCollectionExtensions.AddComplaintRules"/>, the name given to
    /// <see cref="ComplaintRulesServiceCollectionExtensions.AddKeyedComplaintRules"/>.
    /// </summary>
    string Name { get; }
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
        builder.Services.Configure(builder.Name, configure);
        return builder;
    }
}
