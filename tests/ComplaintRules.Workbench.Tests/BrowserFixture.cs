using System.Diagnostics;
using System.Drawing;
using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace ComplaintRules.Workbench.Tests;

/// <summary>Debian's chromium and chromedriver, when installed; the browser tests skip without them, except in CI.</summary>
internal static class Browser
{
    public static string? Chromium { get; } = First(Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser");

    public static string? Driver { get; } = First(Environment.GetEnvironmentVariable("CHROMEDRIVER_PATH"), "/usr/bin/chromedriver");

    /// <summary>
    /// Why the browser tests skip, or <see langword="null"/> when they run. In CI (<c>.ci/run</c> sets
    /// COMPLAINTRULES_REQUIRE_BROWSER=1; hosted CI sets CI=true) they always run, and fail without a browser.
    /// </summary>
    public static string? SkipReason =>
        (Chromium is not null && Driver is not null) || Required
            ? null
            : "Browser test skipped: chromium and chromedriver not found (apt-get install chromium chromium-driver fonts-noto-cjk, or set CHROMIUM_PATH and CHROMEDRIVER_PATH).";

    private static bool Required =>
        Environment.GetEnvironmentVariable("COMPLAINTRULES_REQUIRE_BROWSER") == "1" || Environment.GetEnvironmentVariable("CI") == "true";

    private static string? First(params string?[] paths) => paths.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}

/// <summary>A test that needs the browser: skipped, with the reason, when chromium is not installed locally.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Browser.SkipReason!;
}

/// <summary>The workbench and one headless chromium window of 1280×800 on it, shared by a test class.</summary>
public sealed class BrowserFixture : WorkbenchFixture
{
    private ChromeDriver? _driver;

    public IWebDriver Driver => _driver ?? throw new InvalidOperationException(
        $"no browser: chromium ({Browser.Chromium ?? "not found"}) and chromedriver ({Browser.Driver ?? "not found"}) are needed");

    /// <summary>Where the screenshots go; the README names this folder and CI keeps it.</summary>
    public static string ScreenshotFolder => TestFiles.Repo("artifacts/screenshots");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (Browser.Chromium is null || Browser.Driver is null)
        {
            return;
        }

        // Never let Selenium Manager look for a driver or browser online: Debian's are given.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Browser.Driver)!, Path.GetFileName(Browser.Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Browser.Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,800", "--lang=en-US");
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        // --window-size counts the window's frame: grow it until the page itself has 1280×800.
        var inner = (IReadOnlyCollection<object>)Script("return [window.innerWidth, window.innerHeight];")!;
        var (width, height) = (Convert.ToInt32(inner.First(), CultureInfo.InvariantCulture), Convert.ToInt32(inner.Last(), CultureInfo.InvariantCulture));
        _driver.Manage().Window.Size = new Size(1280 + (1280 - width), 800 + (800 - height));
    }

    public override async Task DisposeAsync()
    {
        _driver?.Quit();
        _driver?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Loads the page afresh and waits until it has read the state.</summary>
    public void Open()
    {
        Driver.Navigate().GoToUrl(Address);
        Until(() => Driver.FindElement(By.TagName("body")).GetAttribute("data-ready") == "true", "the page to load");
    }

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    public object? Script(string script, params object[] args) => ((IJavaScriptExecutor)Driver).ExecuteScript(script, args);

    /// <summary>Replaces a field's text as a paste does, firing its input event.</summary>
    public void Paste(string css, string text) =>
        Script("const e = document.querySelector(arguments[0]); e.focus(); e.value = arguments[1]; e.dispatchEvent(new Event('input', { bubbles: true }));", css, text);

    public void Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(Path.Combine(ScreenshotFolder, name + ".png"));
    }

    /// <summary>Waits for a condition of the page (up to 15 s); the failure says what was awaited and the status line.</summary>
    public void Until(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            try
            {
                if (condition())
                {
                    return;
                }
            }
            catch (WebDriverException)
            {
                // Not there yet (NoSuchElement, StaleElementReference): the page is still rendering.
            }

            Thread.Sleep(50);
        }

        var found = FindAll("#status");
        var status = found.Count > 0 ? found[0].Text : null;
        throw new TimeoutException($"waited 15 s for {what}; the status line says: {status}");
    }
}
