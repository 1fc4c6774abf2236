namespace Tributary.Host.Hosting;

/// <summary>
/// Console logging with the noisy framework categories turned down. HttpClient's own request logging is removed
/// at the source (it would print provider URLs, whose query strings hold emails); these levels are a second fence.
/// </summary>
internal static class TributaryLogging
{
    /// <summary>
    /// Framework categories whose lines print a request's whole URL, and a URL can hold an email or phone (the widget's
    /// <c>?email=</c>, a provider's lookup). They stay at warnings whatever the configuration asks.
    /// </summary>
    private static readonly string[] UrlCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.Extensions.Http",
        "System.Net.Http.HttpClient",
    ];

    public static void Configure(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        // With tracing on, each line written while a request is traced carries its trace and span ids (as a scope).
        var traced = !string.IsNullOrEmpty(configuration[TelemetryTracing.EndpointKey]);
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.IncludeScopes = traced;
        });
        if (traced)
        {
            logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        }
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // Polly writes every failed attempt as a warning with its exception's stack; each provider's outcome is logged
        // by the engine in one line instead. Its errors (a circuit opening) still show.
        logging.AddFilter("Polly", LogLevel.Error);
        logging.Services.PostConfigure<LoggerFilterOptions>(FenceUrlCategories);
    }

    /// <summary>
    /// Adds, after every configured rule, a warning-level rule for each URL category and for each more specific
    /// category a configured rule names, for every logger a rule names: the most specific rule wins, and of equals
    /// the last, so no setting (<c>Logging:Console:LogLevel:Microsoft.AspNetCore.Hosting=Trace</c>) lets them through.
    /// </summary>
    private static void FenceUrlCategories(LoggerFilterOptions options)
    {
        var loggers = options.Rules.Select(static r => r.ProviderName).Append(null).Distinct().ToArray();
        var categories = UrlCategories
            .Concat(options.Rules.Select(static r => r.CategoryName).OfType<string>()
                .Where(static c => UrlCategories.Any(u => c.StartsWith(u, StringComparison.OrdinalIgnoreCase))))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        foreach (var logger in loggers)
        {
            foreach (var category in categories)
            {
                options.Rules.Add(new LoggerFilterRule(logger, category, LogLevel.Warning, filter: null));
            }
        }
    }
}
