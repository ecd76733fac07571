using System.Runtime.InteropServices;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintRules.Hosting.Tests;

/// <summary>Hot reload as deployments change files: symlink swaps, replaced folders, deleted files.</summary>
public class DeploymentReloadTests
{
    private const string FileName = "host.rules.json";

    [Fact]
    public async Task A_kubernetes_configmap_update_swapping_the_data_symlink_is_reloaded()
    {
        using var folder = new TempFolder();
        var rules = folder.PathOf("rules");
        folder.Write(Path.Combine("rules", "..2026_11_29_10_00_00.000000001", FileName), TempRuleFile.Versioned(1));
        Directory.CreateSymbolicLink(Path.Combine(rules, "..data"), "..2026_11_29_10_00_00.000000001");
        File.CreateSymbolicLink(Path.Combine(rules, FileName), Path.Combine("..data", FileName));
        using var provider = Provider(Path.Combine(rules, FileName), poll: TimeSpan.Zero); // the watchers alone must see it
        using var reloaded = new StatusWaiter(provider, s => s.Version == "2");

        // What the kubelet's atomic writer does: a new timestamped folder, a new ..data link renamed over the old one.
        folder.Write(Path.Combine("rules", "..2026_11_29_10_05_00.000000002", FileName), TempRuleFile.Versioned(2));
        Directory.CreateSymbolicLink(Path.Combine(rules, "..data_tmp"), "..2026_11_29_10_05_00.000000002");
        Assert.Equal(0, Rename(Path.Combine(rules, "..data_tmp"), Path.Combine(rules, "..data")));
        Directory.Delete(Path.Combine(rules, "..2026_11_29_10_00_00.000000001"), recursive: true);

        await reloaded.Task;
        Assert.Equal("2", provider.Current.Version);
        Assert.False(provider.Status.IsDegraded);
    }

    [Fact]
    public async Task Replacing_the_rules_folder_is_reloaded()
    {
        using var folder = new TempFolder();
        var path = folder.Write(Path.Combine("rules", FileName), TempRuleFile.Versioned(1));
        using var provider = Provider(path, poll: TimeSpan.Zero);
        using var reloaded = new StatusWaiter(provider, s => s.Version == "2");

        folder.Write(Path.Combine("rules.new", FileName), TempRuleFile.Versioned(2));
        Directory.Move(folder.PathOf("rules"), folder.PathOf("rules.old"));
        Directory.Move(folder.PathOf("rules.new"), folder.PathOf("rules"));

        await reloaded.Task;
        Assert.Equal("2", provider.Current.Version);
    }

    [Fact]
    public async Task Polling_finds_a_change_that_no_watched_folder_reports()
    {
        using var folder = new TempFolder();
        var path = folder.Write(Path.Combine("release", "app", "rules", FileName), TempRuleFile.Versioned(1));
        using var provider = Provider(path, poll: TimeSpan.FromMilliseconds(200));
        using var reloaded = new StatusWaiter(provider, s => s.Version == "2");

        // Two levels above the file: none of the watched folders sees this.
        folder.Write(Path.Combine("release.new", "app", "rules", FileName), TempRuleFile.Versioned(2));
        Directory.Move(folder.PathOf("release"), folder.PathOf("release.old"));
        Directory.Move(folder.PathOf("release.new"), folder.PathOf("release"));

        await reloaded.Task;
        Assert.Equal("2", provider.Current.Version);
    }

    [Fact]
    public async Task A_deleted_file_keeps_the_last_good_rules_and_degrades_health_with_the_reason()
    {
        using var folder = new TempFolder();
        var path = folder.Write(Path.Combine("rules", FileName), TempRuleFile.Versioned(1));
        using var provider = Provider(path, poll: TimeSpan.Zero);
        var health = new ComplaintRulesHealthCheck(provider);

        using (var degraded = new StatusWaiter(provider, s => s.IsDegraded))
        {
            File.Delete(path);
            var status = await degraded.Task;
            Assert.Contains(path, status.LastError, StringComparison.Ordinal);
            Assert.Contains("does not exist", status.LastError, StringComparison.Ordinal);
        }

        Assert.Equal("1", provider.Current.Version);
        var report = await health.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains(path, report.Description, StringComparison.Ordinal);

        using (var recovered = new StatusWaiter(provider, s => !s.IsDegraded))
        {
            File.WriteAllText(path, TempRuleFile.Versioned(1)); // put back as it was: healthy again, nothing recompiled
            await recovered.Task;
        }

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(0, provider.Status.Reloads);
    }

    [Fact]
    public async Task An_unreadable_file_keeps_the_last_good_rules_and_says_why()
    {
        using var folder = new TempFolder();
        var path = folder.Write(FileName, TempRuleFile.Versioned(1));
        using var provider = Provider(path, poll: TimeSpan.Zero, reloadOnChange: false);

        File.WriteAllText(path, new string(' ', RuleSetSource.MaxDocumentBytes + 1));

        Assert.False(await provider.ReloadAsync());
        Assert.Equal("1", provider.Current.Version);
        Assert.True(provider.Status.IsDegraded);
        Assert.Contains("the limit is", provider.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Touching_a_file_without_changing_it_reloads_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.Write(FileName, TempRuleFile.Versioned(1));
        using var provider = Provider(path, poll: TimeSpan.FromMilliseconds(200));
        var statuses = new List<RuleSetStatus>();
        provider.StatusChanged += (_, s) => { lock (statuses) { statuses.Add(s); } };
        using var reloaded = new StatusWaiter(provider, s => s.Version == "2");

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        File.WriteAllText(path, TempRuleFile.Versioned(1));
        Assert.False(await provider.ReloadAsync());
        File.WriteAllText(path, TempRuleFile.Versioned(2));

        await reloaded.Task;
        Assert.Equal(1, provider.Status.Reloads);
        lock (statuses)
        {
            Assert.Equal(["2"], statuses.Select(s => s.Version));
        }
    }

    [Fact]
    public async Task Editing_the_file_a_symlink_points_to_elsewhere_is_reloaded()
    {
        using var folder = new TempFolder();
        var target = folder.Write(Path.Combine("shared", "config", "bank.json"), TempRuleFile.Versioned(1));
        Directory.CreateDirectory(folder.PathOf("app"));
        var link = folder.PathOf("app", FileName);
        File.CreateSymbolicLink(link, Path.Combine("..", "shared", "config", "bank.json"));
        using var provider = Provider(link, poll: TimeSpan.Zero);
        using var reloaded = new StatusWaiter(provider, s => s.Version == "2");

        File.WriteAllText(target, TempRuleFile.Versioned(2)); // only the target's folder hears of it

        await reloaded.Task;
        Assert.Equal("2", provider.Current.Version);
    }

    // rename(2) replaces the old link in one step, as the kubelet does; File.Move refuses a link to a folder.
    private static int Rename(string oldPath, string newPath) => RenameUtf8(CString(oldPath), CString(newPath));

    private static byte[] CString(string path) => [.. System.Text.Encoding.UTF8.GetBytes(path), 0];

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int RenameUtf8(byte[] oldPath, byte[] newPath);

    private static FileRuleSetProvider Provider(string path, TimeSpan poll, bool reloadOnChange = true)
    {
        var options = new ComplaintRulesOptions
        {
            UseDefaultRules = false,
            ReloadOnChange = reloadOnChange,
            ReloadDelay = TimeSpan.FromMilliseconds(100),
            ReloadPollInterval = poll,
        };
        options.RuleFiles.Add(path);
        return new FileRuleSetProvider(options);
    }
}
