using ComplaintRules.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ComplaintRules;

/// <summary>Shares the early-warning windows of a fleet through Redis.</summary>
public static class RedisWindowsBuilderExtensions
{
    /// <summary>
    /// Makes the builder's <see cref="ComplaintMonitor"/> count in Redis (<see cref="RedisAlertWindowStore"/>), so every
    /// instance on the same server and key prefix shares its windows and each condition alerts once. Registers the
    /// store and <see cref="RedisWindowsHealthCheck"/> (keyed by the builder's name for a keyed registration). The
    /// connection is a registered <c>IConnectionMultiplexer</c> if there is one, else one made from
    /// <see cref="RedisWindowsOptions.Configuration"/> (section <c>ComplaintRules:Redis</c>, or the connection string
    /// <c>Redis</c>); a missing configuration fails host start-up. While Redis is unreachable the monitor uses local windows.
    /// </summary>
    /// <param name="builder">The builder from <c>AddComplaintRules</c>.</param>
    /// <param name="configure">Configures the options; optional.</param>
    /// <returns>The builder.</returns>
    public static IComplaintRulesBuilder UseRedisWindows(this IComplaintRulesBuilder builder, Action<RedisWindowsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.Name;
        var key = name.Length == 0 ? null : name;
        var section = key is null ? RedisWindowsOptions.SectionName : $"ComplaintRules:{name}:Redis";
        var options = builder.Services.AddOptions<RedisWindowsOptions>(name);
        options.Configure<IServiceProvider>((o, sp) =>
        {
            var configuration = sp.GetService<IConfiguration>();
            o.Configuration ??= configuration?[$"{section}:Configuration"] ?? configuration?.GetConnectionString("Redis");
            o.KeyPrefix ??= configuration?[$"{section}:KeyPrefix"];
        });
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        options.Validate<IServiceProvider>((o, sp) => !string.IsNullOrWhiteSpace(o.Configuration) || sp.GetService<IConnectionMultiplexer>() is not null,
            $"UseRedisWindows needs a Redis connection: set {section}:Configuration (or ConnectionStrings:Redis), or register an IConnectionMultiplexer.").ValidateOnStart();

        var services = builder.Services;
        Add(services, key, sp => CreateStore(sp, name, key));
        Add(services, key, sp => new RedisWindowsHealthCheck(Resolve<RedisAlertWindowStore>(sp, key)));
        foreach (var existing in services.Where(d => d.ServiceType == typeof(ComplaintMonitor) && Equals(d.ServiceKey, key)).ToList())
        {
            services.Remove(existing);
        }

        Add(services, key, sp => new ComplaintMonitor(
            Resolve<ComplaintRuleSetProvider>(sp, key),
            Resolve<RedisAlertWindowStore>(sp, key),
            sp.GetService<TimeProvider>(),
            sp.GetRequiredService<IOptionsMonitor<ComplaintRulesOptions>>().Get(name).Monitor));
        return builder;
    }

    private static RedisAlertWindowStore CreateStore(IServiceProvider sp, string name, string? key)
    {
        var options = sp.GetRequiredService<IOptionsMonitor<RedisWindowsOptions>>().Get(name);
        var prefix = options.KeyPrefix ?? (key is null ? "complaintrules" : $"complaintrules:{key}");
        if (sp.GetService<IConnectionMultiplexer>() is { } shared)
        {
            return new RedisAlertWindowStore(shared, prefix, ownsConnection: false, sp.GetService<TimeProvider>());
        }

        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        configuration.AbortOnConnectFail = false; // start, and keep reconnecting, while Redis is down
        return new RedisAlertWindowStore(ConnectionMultiplexer.Connect(configuration), prefix, ownsConnection: true, sp.GetService<TimeProvider>());
    }

    private static T Resolve<T>(IServiceProvider sp, string? key)
        where T : notnull =>
        key is null ? sp.GetRequiredService<T>() : sp.GetRequiredKeyedService<T>(key);

    private static void Add<T>(IServiceCollection services, string? key, Func<IServiceProvider, T> create)
        where T : class =>
        services.TryAdd(key is null
            ? ServiceDescriptor.Singleton(create)
            : ServiceDescriptor.KeyedSingleton<T>(key, (sp, _) => create(sp)));
}
