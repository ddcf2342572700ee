using Microsoft.Playwright;

namespace Deliberation.E2E;

/// <summary>
/// Debian's Chromium driven by Playwright (a Playwright browser download cannot work here), against the hub
/// that the test command started at <c>E2E_BASE_URL</c> with the demo data.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string BaseUrl => Environment.GetEnvironmentVariable("E2E_BASE_URL")
        ?? throw new InvalidOperationException("E2E_BASE_URL is not set: run the tests with ./hub test");

    public static string ArtifactsDir
    {
        get
        {
            var dir = Path.Combine(Environment.GetEnvironmentVariable("TEST_ARTIFACTS") ?? Path.GetTempPath(), "e2e");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public async Task InitializeAsync()
    {
        // The test box has two cores shared with builds: give the server room before calling a wait a failure.
        Assertions.SetDefaultExpectTimeout(15_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }

    /// <summary>A fresh browser context (own cookies), phone-sized when <paramref name="phone"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(Options(phone));
        context.SetDefaultTimeout(60_000);
        return context;
    }

    private static BrowserNewContextOptions Options(bool phone) => new()
    {
        BaseURL = BaseUrl,
        Locale = "zh-CN",
        ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        DeviceScaleFactor = phone ? 2 : 1,
        IsMobile = phone,
        HasTouch = phone,
    };

    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/SignIn"));
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDir, name + ".png"), FullPage = true });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
