using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ComplaintRules.Redis.Tests;

/// <summary>The hosting builder: UseRedisWindows swaps the monitor's windows for Redis and checks its configuration.</summary>
public sealed class UseRedisWindowsTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task The_monitor_of_a_host_shares_its_windows_through_the_configured_Redis()
    {
        var services = new ServiceCollection();
        services.AddComplaintRules().UseRedisWindows(o => o.Configuration = redis.Configuration);
        await using var provider = services.BuildServiceProvider();

        var monitor = provider.GetRequiredService<ComplaintMonitor>();
        var store = Assert.IsType<RedisAlertWindowStore>(monitor.SharedWindows);
        Assert.Same(store, provider.GetRequiredService<RedisAlertWindowStore>());
        var health = await provider.GetRequiredService<RedisWindowsHealthCheck>().CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public void A_keyed_registration_gets_its_own_store()
    {
        var services = new ServiceCollection();
        services.AddKeyedComplaintRules("cards").UseRedisWindows(o => o.Configuration = redis.Configuration);
        using var provider = services.BuildServiceProvider();

        var monitor = provider.GetRequiredKeyedService<ComplaintMonitor>("cards");
        Assert.Same(provider.GetRequiredKeyedService<RedisAlertWindowStore>("cards"), monitor.SharedWindows);
    }

    [Fact]
    public void Without_a_connection_the_host_is_told_what_to_configure()
    {
        var services = new ServiceCollection();
        services.AddComplaintRules().UseRedisWindows();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ComplaintMonitor>());
        Assert.Contains("ComplaintRules:Redis:Configuration", error.Message, StringComparison.Ordinal);
    }
}
