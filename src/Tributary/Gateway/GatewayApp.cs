using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using Tributary.Diagnostics;
using Tributary.Host.ContactCenter;
using Tributary.Host.Contracts;
using Tributary.Host.Dashboard;
using Tributary.Host.DeadLetters;
using Tributary.Host.Flat;
using Tributary.Host.Hosting;
using Tributary.Host.HttpApi;
using Tributary.Host.Identity;
using Tributary.Host.Jobs;
using Tributary.Host.Outcomes;
using Tributary.Host.Pipeline;
using Tributary.Host.Privacy;
using Tributary.Host.AgentDesktop;
using Tributary.Host.ProviderCallbacks;
using Tributary.Host.Providers;
using Tributary.Host.Webhooks;
using Tributary.Simulators;

namespace Tributary.Host.Gateway;

/// <summary>The HTTP gateway: composed here, in the order requests meet it.</summary>
internal static class GatewayApp
{
    public const string DefaultUrl = "http://127.0.0.1:8080";
    private const string CallerQuota = "caller";

    /// <summary>
    /// Builds the gateway. <paramref name="overrides"/> runs after every registration, for tests that replace a service
    /// (a fake clock).
    /// </summary>
    public static async Task<WebApplication> BuildAsync(string[] args, string? urls, CancellationToken cancellationToken, Action<IServiceCollection>? overrides = null)
    {
        // Configuration is read once. The host's default would watch appsettings.json through the working directory,
        // and that watcher wakes on every write there, the store's WAL included.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"] });
        TributaryConfiguration.AddSources(builder.Configuration, args);
        TributaryLogging.Configure(builder.Logging, builder.Configuration);
        var tributary = builder.Services.AddTributaryHost(builder.Configuration);
        var listen = ListenAddresses.Resolve(builder.Configuration, urls, DefaultUrl);
        TakenPorts.ThrowIfAnyTaken(listen.Urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
        var simulatedSystems = SandboxMode.SimulatedSystems(builder.Configuration, tributary.Sandboxes);
        var sandbox = await SandboxMode.StartIfNeededAsync(builder.Configuration, tributary.Sandboxes.AsReadOnly(), cancellationToken);

        if (listen.Urls is { } listenOn)
        {
            builder.WebHost.UseUrls(listenOn.Split(';', StringSplitOptions.RemoveEmptyEntries));
        }

        if (sandbox is not null)
        {
            // Registered through a factory so the container owns the simulators and stops them with the gateway (it is
            // resolved once the app is built: the container disposes only what one of its factories made).
            builder.Services.AddSingleton(_ => sandbox);
            builder.Services.AddSingleton(new SandboxDescription(SandboxMode.Describe(sandbox, tributary.Sandboxes, simulatedSystems)));
            if (builder.Configuration.GetValue("Sandbox:Warmup", true))
            {
                builder.Services.AddHostedService<SandboxWarmup>();
            }
        }
        else
        {
            builder.Services.AddHostedService<GatewayWarmup>();
        }

        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName)
            .PostConfigure<IConfiguration>((gateway, configuration) => gateway.AddScalarLists(configuration.GetSection(GatewayOptions.SectionName)))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GatewayKeys>();
        builder.Services.AddHostedService<ListenGuardCheck>();
        builder.Services.AddGatewayCors();
        builder.Services.AddSingleton(sp => new JsonBody(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxBodyBytes));
        builder.Services.AddSingleton<ProviderGauges>();
        builder.Services.AddSingleton<DashboardStats>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(DashboardJsonContext.Default));
        builder.Services.AddTributaryJobs();
        builder.Services.PostConfigure<JobsOptions>(jobs => jobs.AllowPrivateCallbacks ??= listen.All.All(static a => ListenGuard.IsLoopback(a.Url)));
        builder.Services.AddHostedService<PipelineService>();

        // Before the contact-center worker, whose answers it links: hosted services stop in reverse order.
        builder.Services.AddHostedService<AnswerLinkWorker>();
        builder.Services.AddHostedService<ContactCenterWorker>();
        builder.Services.AddHostedService<ProviderCallbackService>();
        builder.Services.AddHostedService<OutcomeWorker>();
        builder.Services.AddHostedService<RetentionPurge>();
        builder.Services.AddHostedService<StoreGauges>();
        builder.Services.AddHostedService<DedupKeyPurge>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
            o.SerializerOptions.Encoder = FlatJsonWriter.Encoder;
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Complete);
        builder.Services.AddOpenApi(o => o
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Tributary";
                document.Info.Version = "v1";
                document.Info.Description = "Contact and company enrichment gateway: real-time enrichment with provenance, under a deadline.";
                return Task.CompletedTask;
            })
            .AddDocumentTransformer(FlatResponseDocumentation.TransformDocumentAsync)
            .AddOperationTransformer(RequestBodyDocumentation.TransformAsync)
            .AddOperationTransformer(FlatResponseDocumentation.TransformOperationAsync)
            .AddDocumentTransformer(GatewayKeyDocumentation.TransformDocumentAsync)
            .AddOperationTransformer(GatewayKeyDocumentation.TransformOperationAsync)
            .AddSchemaTransformer(GatewayKeyDocumentation.TransformSchemaAsync)
            .AddSchemaTransformer(NumberDocumentation.TransformSchemaAsync));
        builder.Services.AddRateLimiter(ConfigureCallerQuota);
        var telemetry = builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(EnrichmentMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        TelemetryTracing.Add(telemetry, builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // From the validated options, not the raw setting: a value out of range is then reported as the setting it is
        // (exit code 2), not as Kestrel's ArgumentOutOfRangeException.
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<GatewayOptions>>((kestrel, gateway) => kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxBodyBytes);

        overrides?.Invoke(builder.Services);
        var app = builder.Build();
        if (sandbox is not null)
        {
            app.Services.GetRequiredService<SandboxSimulators>();
        }

        ListenGuard.EnsureSafe(app.Services.GetRequiredService<GatewayKeys>(), app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value, listen);
        if (sandbox is not null && Exposure(builder.Configuration, listen) is { } exposure)
        {
            HostLog.SandboxExposed(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tributary"), exposure);
        }
        app.Services.GetRequiredService<ProviderGauges>();
        app.Services.GetRequiredService<DashboardStats>();

        // A store that cannot be reached (PostgreSQL down, a locked or full SQLite file) is a 503 the caller may retry,
        // not a fault of the request; /readyz reports it too.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = static ex => ex is System.Data.Common.DbException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseGatewayCors();
        app.UseRateLimiter();

        app.MapOperationsEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options.WithTitle("Tributary API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapDashboardPage();

        app.MapWebhookEndpoints();
        app.MapWidget();
        app.MapGroup("/v1")
            .WithTags("Enrichment")
            .AddEndpointFilter<GatewayKeyFilter>()
            .AddEndpointFilter<RepeatedQueryFilter>()
            .RequireRateLimiting(CallerQuota)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .MapEnrichEndpoints()
            .MapJobsEndpoints()
            .MapPipelineEndpoints()
            .MapDeadLetterEndpoints()
            .MapIdentityEndpoints()
            .MapProfileEndpoints()
            .MapOutcomeEndpoints()
            .MapPrivacyEndpoints()
            .MapDashboardEndpoints()
            .MapProvidersEndpoints();
        return app;
    }

    /// <summary>How callers other than this machine's could reach the gateway, or null when none can: worth a warning in sandbox mode.</summary>
    private static string? Exposure(ConfigurationManager configuration, ListenAddresses listen)
    {
        var gateway = GatewayOptions.From(configuration.GetSection(GatewayOptions.SectionName));
        if (gateway.Keys.Count > 0)
        {
            return "Gateway:ApiKeys is set, so the gateway serves other callers";
        }

        return listen.All.FirstOrDefault(address => !ListenGuard.IsLoopback(address.Url)) is { } outside
            ? $"{outside.Setting} listens on '{outside.Url}'"
            : null;
    }

    private static readonly TimeSpan QuotaWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan QuotaStep = TimeSpan.FromSeconds(10);

    private static void ConfigureCallerQuota(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellationToken) =>
        {
            // The sliding window names no retry time, nor which of its steps holds the oldest requests: a minute from now
            // every request that counted has left it, so a caller waiting that long is not refused again for them.
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : QuotaWindow;
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

            await Problems.Create(context.HttpContext, StatusCodes.Status429TooManyRequests, "Quota exceeded", "This caller exceeded its request quota (Gateway:QuotaPerMinute).")
                .ExecuteAsync(context.HttpContext);
        };
        // Gateway:QuotaPerMinute requests in any minute (a window sliding in ten-second steps). A request without a valid
        // key draws on no quota: the key filter answers it 401 at once, as the contract orders.
        options.AddPolicy(CallerQuota, http =>
        {
            var quota = http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.QuotaPerMinute;
            if (http.RequestServices.GetRequiredService<GatewayKeys>().QuotaPartition(http) is not { } caller)
            {
                return RateLimitPartition.GetNoLimiter("unauthenticated");
            }

            return RateLimitPartition.GetSlidingWindowLimiter(caller, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = quota,
                Window = QuotaWindow,
                SegmentsPerWindow = (int)(QuotaWindow / QuotaStep),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }
}
