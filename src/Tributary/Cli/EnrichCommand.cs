using System.CommandLine;
using Tributary.Host.Batch;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;
using Tributary.Host.Identity;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Cli;

/// <summary>
/// <c>tributary enrich FILE --out OUT</c>: a CSV or JSON-lines file in, the same rows with enriched fields out (CSV,
/// JSON-lines or Parquet). Arguments are checked before anything starts, so a typo costs nothing.
/// </summary>
internal static class EnrichCommand
{
    /// <param name="output">Where progress and the summary go.</param>
    /// <param name="settings">Configuration from the command line (<see cref="CommandLineSettings"/>).</param>
    public static Command Create(TextWriter output, string[] settings)
    {
        var file = new Argument<string>("FILE") { Description = "The file to enrich: .csv (with a header) or .jsonl / .ndjson (one object per line)." };
        var outPath = new Option<string>("--out") { Description = "Where to write the enriched rows: .csv, .jsonl / .ndjson or .parquet.", Required = true };
        var map = new Option<string[]>("--map")
        {
            Description = "Column to identifier, overriding detection (repeatable): --map \"E-mail Address=email\"; fields: email, phone, domain, name, first, last, company, linkedin, none.",
        };
        var mode = new Option<string?>("--mode") { Description = "parallel (default) or waterfall." };
        var providers = new Option<string?>("--providers") { Description = "Comma-separated provider subset, in order of precedence." };
        var concurrency = new Option<int>("--concurrency") { Description = "Chunks of 100 rows enriched at once (1-256); each chunk goes to the providers' bulk endpoints. Default 8.", DefaultValueFactory = _ => 8 };
        var rejects = new Option<string?>("--rejects") { Description = "Where rows that cannot be enriched go, with line number and reason. Default OUT.rejects.csv." };

        var command = new Command("enrich", "Enrich a CSV or JSON-lines file; resumable: run it again after an interruption and done rows cost nothing.")
        {
            file, outPath, map, mode, providers, concurrency, rejects,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!TryBuildRequest(
                parse.GetValue(file)!, parse.GetValue(outPath)!, parse.GetValue(rejects), parse.GetValue(map) ?? [], parse.GetValue(mode),
                parse.GetValue(providers), parse.GetValue(concurrency), out var request, out var problem))
            {
                await error.WriteLineAsync("error: " + problem);
                return ExitCodes.BadArguments;
            }

            try
            {
                return await RunAsync(request!, settings, output, error, cancellationToken);
            }
            catch (BatchInputException ex)
            {
                await error.WriteLineAsync($"error: {request!.Input}: {ex.Message}");
                return ExitCodes.BadArguments;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(FileEnrichmentRequest request, string[] settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (source, map) = FileEnrichmentRun.Open(request);
        using (source)
        {
            // Per-attempt resilience events (a timeout retried, a circuit opening) would bury the progress display; what
            // they cost a row shows in its status, and the summary says how many rows failed. Answers are not kept in
            // the in-process cache: a file is mostly distinct subjects, so that cache would grow with the file (1.4 GB
            // for a million rows); repeats are served by the ledger, and concurrent identical lookups still share a call.
            await using var host = await CliHost.StartAsync(["--Logging:Console:LogLevel:Polly=None", "--Cache:LocalTtl=00:00:00", .. settings], cancellationToken);
            var services = host.Services;
            var catalog = services.GetRequiredService<ProviderCatalog>();
            if (request.Providers?.FirstOrDefault(p => !catalog.TryGet(p, out _)) is { } unknown)
            {
                await error.WriteLineAsync($"error: --providers: unknown provider '{unknown}' (known: {string.Join(", ", catalog.All.Select(e => e.Name))}).");
                return ExitCodes.BadArguments;
            }

            if (request.Providers is null && !catalog.Enabled.Any())
            {
                await error.WriteLineAsync("error: no provider is enabled: configure a provider's credentials (Providers:<Name>:ApiKey, ZoomInfo's login, a REST provider), or run with no credentials at all for the sandbox.");
                return ExitCodes.BadArguments;
            }

            // A disabled provider would answer nothing, and every row would read "unmatched" as if it had been asked.
            if (request.Providers?.FirstOrDefault(p => catalog.TryGet(p, out var entry) && !entry.Runtime.IsEnabled) is { } disabled)
            {
                await error.WriteLineAsync($"error: --providers: '{disabled}' is not enabled (configure Providers:<Name> credentials, or set Enabled).");
                return ExitCodes.BadArguments;
            }

            var credits = services.GetRequiredService<CreditTotals>();
            var time = services.GetRequiredService<TimeProvider>();
            var run = new FileEnrichmentRun(
                request,
                services.GetRequiredService<EnrichmentPump>(),
                services.GetRequiredService<FlatFields>(),
                services.GetRequiredService<AnswerLinker>(),
                services.GetRequiredService<IRunStore>(),
                credits,
                services.GetRequiredService<ProviderApiVersions>(),
                time,
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Tributary.Batch"));
            var creditsBefore = await credits.TotalAsync(cancellationToken);
            var running = run.RunAsync(source, map, cancellationToken);
            await new RunProgressDisplay(run, credits, time).ShowUntilAsync(running, output, creditsBefore);
            try
            {
                var report = await running;
                await RunSummary.WriteAsync(output, report, request.Input);

                // Every row failed (a refused key, a provider down): nothing was done, whatever the file says.
                var counters = report.Counters;
                if (counters.Failed > 0 && counters.Failed == counters.Enriched)
                {
                    await error.WriteLineAsync("error: no row could be enriched: no provider answered (see the summary's provider lines). Run again once they can.");
                    return ExitCodes.RuntimeFailure;
                }

                return ExitCodes.Success;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await error.WriteLineAsync("Stopped. Run the same command again to finish: rows already enriched are not paid for twice.");
                return ExitCodes.RuntimeFailure;
            }
            catch (OutputInUseException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message} Wait for it to finish, or name another file.");
                return ExitCodes.RuntimeFailure;
            }
            catch (IOException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.RuntimeFailure;
            }
        }
    }

    private static bool TryBuildRequest(
        string file, string outPath, string? rejects, string[] maps, string? mode, string? providers, int concurrency,
        out FileEnrichmentRequest? request, out string? problem)
    {
        request = null;
        var input = Path.GetFullPath(file);
        var output = Path.GetFullPath(outPath);
        if (!File.Exists(input))
        {
            problem = Directory.Exists(input) ? $"FILE: {input} is a directory; name a file." : $"FILE: {input} does not exist.";
            return false;
        }

        if (FileFormats.InputOf(input) is not { } inputFormat)
        {
            problem = $"FILE: cannot tell the format of '{Path.GetFileName(input)}'; use .csv, .jsonl or .ndjson.";
            return false;
        }

        if (FileFormats.OutputOf(output) is not { } outputFormat)
        {
            problem = $"--out: cannot tell the format of '{Path.GetFileName(output)}'; use .csv, .jsonl, .ndjson or .parquet.";
            return false;
        }

        var rejectsPath = Path.GetFullPath(rejects ?? output + ".rejects.csv");
        if (string.Equals(input, output, StringComparison.Ordinal) || string.Equals(input, rejectsPath, StringComparison.Ordinal))
        {
            problem = "--out and --rejects must not be the input file.";
            return false;
        }

        if (string.Equals(output, rejectsPath, StringComparison.Ordinal))
        {
            problem = "--rejects must not be the --out file.";
            return false;
        }

        problem = WritableFile.Problem("--out", output) ?? WritableFile.Problem("--rejects", rejectsPath);
        if (problem is not null)
        {
            return false;
        }

        var overrides = new List<MapOverride>();
        foreach (var text in maps)
        {
            if (!ColumnMap.TryParseOverride(text, out var mapping, out problem))
            {
                return false;
            }

            overrides.Add(mapping);
        }

        if (!EnrichRequestParser.TryParseMode(mode, out var parsedMode))
        {
            problem = "--mode must be 'parallel' or 'waterfall'.";
            return false;
        }

        if (concurrency is < 1 or > 256)
        {
            problem = "--concurrency must be between 1 and 256.";
            return false;
        }

        var providerList = providers?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        request = new FileEnrichmentRequest(
            input, inputFormat, output, outputFormat, rejectsPath, overrides, parsedMode, providerList is { Length: > 0 } ? providerList : null, concurrency);
        problem = null;
        return true;
    }
}
