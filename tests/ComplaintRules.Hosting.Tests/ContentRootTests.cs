using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintRules.Hosting.Tests;

public class ContentRootTests
{
    private static readonly string s_relativePath = Path.Combine("rules", "host.rules.json");

    [Fact]
    public async Task A_relative_rule_file_resolves_against_the_host_content_root_not_the_working_directory()
    {
        using var folder = new TempFolder();
        folder.Write(s_relativePath, TempRuleFile.Versioned(4));
        using var host = Host(folder.Root);

        await host.StartAsync();
        var provider = host.Services.GetRequiredService<FileRuleSetProvider>();
        await host.StopAsync();

        Assert.Equal("4", provider.Current.Version);
        Assert.Equal([folder.PathOf(s_relativePath)], provider.Current.Sources);
    }

    [Fact]
    public async Task A_bad_relative_rule_file_is_reported_by_its_resolved_path()
    {
        using var folder = new TempFolder();
        folder.Write(s_relativePath, TempRuleFile.Invalid(1));
        using var host = Host(folder.Root);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"{folder.PathOf(s_relativePath)}:", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_host_the_content_root_option_decides_and_a_missing_file_names_its_full_path()
    {
        using var folder = new TempFolder();
        var options = new ComplaintRulesOptions { UseDefaultRules = false, ContentRoot = folder.Root };
        options.RuleFiles.Add(s_relativePath);

        var error = Assert.Throws<RuleSetException>(() => new FileRuleSetProvider(options));

        Assert.Contains($"'{folder.PathOf(s_relativePath)}' does not exist", error.Message, StringComparison.Ordinal);
    }

    private static IHost Host(string contentRoot)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot });
        builder.Services.AddComplaintRules().WithoutDefaultRules().AddRuleFile(s_relativePath);
        return builder.Build();
    }
}
