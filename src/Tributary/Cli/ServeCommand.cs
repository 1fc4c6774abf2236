using System.CommandLine;
using Tributary.Host.Gateway;
using Tributary.Host.Hosting;
using Tributary.Storage;

namespace Tributary.Host.Cli;

/// <summary><c>tributary serve</c>: the HTTP gateway.</summary>
internal static class ServeCommand
{
    /// <param name="settings">Configuration from the command line (<see cref="CommandLineSettings"/>).</param>
    public static Command Create(string[] settings)
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on, ';'-separated, as ASP.NET (default {GatewayApp.DefaultUrl})." };
        var command = new Command("serve", "Run the HTTP gateway: real-time enrichment, metrics, OpenAPI.") { urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await GatewayApp.BuildAsync(settings, parse.GetValue(urls), cancellationToken);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tributary");
            if (app.Services.GetService<SandboxDescription>() is { } sandbox)
            {
                HostLog.SandboxMode(logger, sandbox.Text);
            }

            await app.StartWhenConfiguredAsync(cancellationToken);
            HostLog.Listening(logger, string.Join(", ", app.Urls), app.Services.GetRequiredService<IStoreHealth>().DisplayName);
            await app.WaitForShutdownAsync(cancellationToken);

            // A background service that failed stopped the host: that is a failure a supervisor should see and restart.
            return app.Services.GetServices<IHostedService>().OfType<BackgroundService>().Any(static s => s.ExecuteTask is { IsFaulted: true })
                ? ExitCodes.RuntimeFailure
                : ExitCodes.Success;
        });
        return command;
    }
}
