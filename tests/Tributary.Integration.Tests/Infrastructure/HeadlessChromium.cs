using Microsoft.Playwright;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright's own driver (nothing downloaded): one browser per test class, a
/// fresh context per page. Each page records every URL it requested, so a test can show nothing left this machine.
/// </summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium (<c>apt-get install chromium</c>; <c>.ci/run</c> does).</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A page in a fresh context and the list of every URL it requests.</summary>
    public async Task<(IPage Page, IReadOnlyCollection<string> Requests)> OpenAsync()
    {
        var context = await _browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => requests.Enqueue(request.Url);
        return (page, requests);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
