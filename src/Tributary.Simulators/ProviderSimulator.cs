using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tributary.Simulators.Dataset;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators;

/// <summary>
/// One provider's API on its own Kestrel server on 127.0.0.1, speaking that provider's wire
/// format over the sample dataset, with <see cref="Faults"/> to inject failures and
/// <see cref="Calls"/> to count requests. Start with <see cref="StartAsync"/>, stop by disposing.
/// </summary>
public abstract class ProviderSimulator : IAsyncDisposable
{
    private readonly int _port;
    private readonly Task<SampleDataset>? _sharedDataset;
    private WebApplication? _app;
    private string? _baseUrl;
    private SampleDataset? _dataset;
    private Task _datasetLoaded = Task.CompletedTask;

    // dataset: one being built for several simulators (the sandbox); null builds one at start.
    private protected ProviderSimulator(string name, SimulatorOptions? options, Task<SampleDataset>? dataset, int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        Name = name;
        Options = (options ?? new SimulatorOptions()).Validate();
        _sharedDataset = dataset;
        _port = port;
    }

    /// <summary>Provider name in lower case: clearbit, zoominfo, apollo, hunter, peopledatalabs.</summary>
    public string Name { get; }

    /// <summary>Where the simulator listens, e.g. "http://127.0.0.1:41234" (no trailing slash). Set by <see cref="StartAsync"/>.</summary>
    public string BaseUrl => _baseUrl ?? throw new InvalidOperationException($"The {Name} simulator has not been started.");

    /// <summary>Faults to inject; also settable with <c>POST /__sim/faults</c>.</summary>
    public SimulatorFaults Faults { get; } = new();

    /// <summary>The credentials it accepts, by role (<c>apiKey</c>, <c>username</c>, <c>password</c>), for wiring a connector to it.</summary>
    public abstract IReadOnlyDictionary<string, string> Credentials { get; }

    /// <summary>Requests received per path; also readable with <c>GET /__sim/calls</c>.</summary>
    public SimulatorCallCounter Calls { get; } = new();

    /// <summary>
    /// Answers given per status code (<c>Statuses["429"]</c>), faults included; a dropped connection counts as its unsent
    /// 200; <c>Statuses["abandoned"]</c> counts requests whose caller went away before the answer (e.g. it was killed).
    /// </summary>
    public SimulatorCallCounter Statuses { get; } = new();

    internal SimulatorOptions Options { get; }

    /// <summary>The sample world; available once <see cref="StartAsync"/> has completed.</summary>
    internal SampleDataset Dataset => _dataset ?? throw new InvalidOperationException($"The {Name} simulator has not been started.");

    internal TimeProvider TimeProvider => Options.TimeProvider;

    private protected abstract IProviderConventions Conventions { get; }

    /// <summary>Starts listening; on port 0 (the default) the system picks a free port. Throws if the port is taken.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException($"The {Name} simulator is already started.");
        }

        // Generating the dataset and starting Kestrel both take tens of milliseconds; overlapping
        // them keeps the sandbox start short. Requests that race ahead wait for the dataset.
        _datasetLoaded = LoadDatasetAsync();
        var app = Build();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // Typically the requested port is taken; leave nothing half-started behind.
            await app.DisposeAsync();
            throw;
        }

        _app = app;
        await _datasetLoaded;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _baseUrl = address.TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private protected abstract void MapEndpoints(IEndpointRouteBuilder endpoints);

    private async Task LoadDatasetAsync() => _dataset = await (_sharedDataset ?? Task.Run(SampleDataset.Create));

    private WebApplication Build()
    {
        // The empty builder skips configuration files, environment scanning and default logging:
        // the sandbox starts five of these and must stay well under a second.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = GetType().Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, _port);
        });
        builder.Services.AddRoutingCore();

        // Outbound calls of the simulated systems themselves (Clearbit's webhooks).
        builder.Services.AddHttpClient();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (Options.LoggerFactory is { } loggerFactory)
        {
            builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        }

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (!_datasetLoaded.IsCompleted)
            {
                await _datasetLoaded;
            }

            await next(context);
        });
        var middleware = new FaultMiddleware(Faults, Calls, Statuses, Conventions, TimeProvider, app.Lifetime.ApplicationStopping);
        app.Use(middleware.InvokeAsync);
        ControlEndpoints.Map(app, Faults, Calls, Statuses);
        MapEndpoints(app);
        return app;
    }
}
