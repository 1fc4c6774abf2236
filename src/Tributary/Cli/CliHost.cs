using Tributary.Host.Hosting;
using Tributary.Simulators;

namespace Tributary.Host.Cli;

/// <summary>
/// The services a one-shot verb needs (engine, connectors, store), without the web server. Logs go to standard error
/// so <c>--json</c> output stays clean.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    private CliHost(IHost host, SandboxSimulators? sandbox, IReadOnlySet<string> simulatedSystems)
    {
        Host = host;
        Sandbox = sandbox;
        SimulatedSystems = simulatedSystems;
    }

    public IHost Host { get; }

    public SandboxSimulators? Sandbox { get; }

    /// <summary>
    /// Integrated systems (<c>hubspot</c>, <c>salesforce</c>, …) this host talks to through the simulators it started
    /// itself: fresh ones, not those a running <c>serve</c> wrote to.
    /// </summary>
    public IReadOnlySet<string> SimulatedSystems { get; }

    public IServiceProvider Services => Host.Services;

    /// <param name="args">The verb's settings.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <param name="ownProgress">
    /// Log the pipeline's information lines too (a long-running verb's runs, as <c>serve</c> logs them); a one-shot
    /// verb shows warnings and errors only.
    /// </param>
    public static async Task<CliHost> StartAsync(string[] args, CancellationToken cancellationToken, bool ownProgress = false)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
        TributaryConfiguration.AddSources(builder.Configuration, args);
        if (ownProgress)
        {
            // The pipeline's runs, not every lookup; before the configuration's rules, so a setting for the category still decides.
            builder.Logging.AddFilter("Tributary.Host.Pipeline", LogLevel.Information);
        }

        TributaryLogging.Configure(builder.Logging, builder.Configuration);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var tributary = builder.Services.AddTributaryHost(builder.Configuration);
        var simulated = SandboxMode.SimulatedSystems(builder.Configuration, tributary.Sandboxes);
        var sandbox = await SandboxMode.StartIfNeededAsync(builder.Configuration, tributary.Sandboxes.AsReadOnly(), cancellationToken);
        var host = builder.Build();
        await host.StartWhenConfiguredAsync(cancellationToken);
        if (sandbox is not null)
        {
            HostLog.SandboxMode(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tributary"), SandboxMode.Describe(sandbox, tributary.Sandboxes, simulated));
        }

        return new CliHost(host, sandbox, simulated);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }
}
