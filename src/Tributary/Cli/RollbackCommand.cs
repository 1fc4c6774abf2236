using System.CommandLine;
using System.Globalization;
using Tributary.Host.Crm;
using Tributary.Host.Pipeline;
using Tributary.Storage;

namespace Tributary.Host.Cli;

/// <summary>
/// <c>tributary rollback RUN</c>: restores the CRM values one pipeline run overwrote. With <c>--url</c>, a running
/// gateway does it (<c>POST /v1/pipeline/runs/{run}/rollback</c>); without, this process, which cannot in sandbox
/// mode: the simulators the run wrote to live in the <c>serve</c> process, and this one would start fresh ones.
/// </summary>
internal static class RollbackCommand
{
    // A rollback waits for the CRM's rate limits like the worker does; a large run takes minutes, not seconds.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromMinutes(15);

    /// <param name="output">Where the report goes.</param>
    /// <param name="settings">Configuration from the command line (<see cref="CommandLineSettings"/>).</param>
    public static Command Create(TextWriter output, string[] settings)
    {
        var run = new Argument<string>("RUN") { Description = "The pipeline run id (GET /v1/pipeline lists them)." };
        var url = new Option<string?>("--url")
        {
            Description = "A running gateway (e.g. http://127.0.0.1:8080) that does the rollback; needed in sandbox mode, whose simulators live in the serve process.",
        };
        var apiKey = new Option<string?>("--api-key") { Description = "A gateway key (Gateway:ApiKeys) for --url." };
        var command = new Command("rollback", "Restore the old values of one run's write-back, where the CRM still holds what the run wrote.") { run, url, apiKey };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var runId = parse.GetValue(run)!;
            if (parse.GetValue(url) is { } gateway)
            {
                if (GatewayCall.ParseUrl(gateway) is not { } gatewayUri)
                {
                    await error.WriteLineAsync("error: " + GatewayCall.BadUrl);
                    return ExitCodes.BadArguments;
                }

                var answer = await GatewayCall.SendAsync(
                    gatewayUri, HttpMethod.Post, $"/v1/pipeline/runs/{Uri.EscapeDataString(runId)}/rollback", parse.GetValue(apiKey),
                    PipelineJsonContext.Default.RollbackReport, "a rollback report", AnswerTimeout, cancellationToken);
                if (answer.Value is null)
                {
                    var retry = answer.ExitCode == ExitCodes.RuntimeFailure ? "; run rollback again later (it is safe to repeat)" : string.Empty;
                    await error.WriteLineAsync($"error: {answer.Problem}{retry}");
                    return answer.ExitCode;
                }

                return await ReportAsync(answer.Value, output, error);
            }

            await using var host = await CliHost.StartAsync(settings, cancellationToken);
            var rollback = host.Services.GetRequiredService<PipelineRollback>();
            if (await PipelineRunAsync(host, runId, cancellationToken) is not { } known)
            {
                await error.WriteLineAsync($"error: there is no pipeline run '{runId}' (GET /v1/pipeline lists them)");
                return ExitCodes.BadArguments;
            }

            runId = known;
            if (await SimulatedHereAsync(host, rollback, runId, cancellationToken) is { Count: > 0 } simulated)
            {
                await error.WriteLineAsync(
                    $"error: sandbox mode: the {string.Join(" and ", simulated)} {(simulated.Count == 1 ? "simulator" : "simulators")} a run writes to live in the serve process, and this process would start fresh ones. "
                    + "Pass --url with that gateway's address (e.g. --url http://127.0.0.1:8080) to roll back there.");
                return ExitCodes.BadArguments;
            }

            try
            {
                return await ReportAsync(await rollback.RollbackAsync(runId, cancellationToken), output, error);
            }
            catch (CrmUnavailableException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}; run rollback again later (it is safe to repeat)");
                return ExitCodes.RuntimeFailure;
            }
        });
        return command;
    }

    /// <summary>The run's id as the store keeps it (what <c>POST …/rollback</c> takes), or null when no pipeline run has it.</summary>
    private static async Task<string?> PipelineRunAsync(CliHost host, string runId, CancellationToken cancellationToken) =>
        Guid.TryParseExact(runId.Trim(), "N", out var id)
        && await host.Services.GetRequiredService<IRunStore>().GetAsync(id.ToString("N"), cancellationToken) is { Kind: RunKind.Pipeline } run
            ? run.Id
            : null;

    /// <summary>
    /// The CRMs this rollback would reach through simulators this process started: those the run wrote to and has
    /// left to undo. None when it has nothing left, so that is what the report says, not a sandbox it would not reach.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SimulatedHereAsync(CliHost host, PipelineRollback rollback, string runId, CancellationToken cancellationToken) =>
        host.SimulatedSystems.Count == 0
            ? []
            : [.. (await rollback.SystemsAsync(runId, cancellationToken)).Where(host.SimulatedSystems.Contains)];

    private static async Task<int> ReportAsync(RollbackReport report, TextWriter output, TextWriter error)
    {
        if (report.FieldsWritten == 0)
        {
            await error.WriteLineAsync($"error: run '{report.RunId}' wrote nothing that can be rolled back");
            return ExitCodes.BadArguments;
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Run {report.RunId}: {report.FieldsRestored} of {report.FieldsWritten} fields restored on {report.RecordsRestored} records; {report.FieldsSkipped} left because they changed since."));
        return ExitCodes.Success;
    }
}
