namespace Tributary.Host.Hosting;

/// <summary>
/// Console logging with the noisy framework categories turned down. HttpClient's own request logging is removed
/// at the source (it would print provider URLs, whose query strings hold emails); these levels are a second fence.
/// </summary>
internal static class TributaryLogging
{
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
    }
}
