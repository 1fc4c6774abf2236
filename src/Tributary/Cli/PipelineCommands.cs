using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using Tributary.Host.Batch;
using Tributary.Host.Batch.Input;
using Tributary.Host.DeadLetters;
using Tributary.Host.Pipeline;
using Tributary.Host.ProviderCallbacks;
using Tributary.Storage;

namespace Tributary.Host.Cli;

/// <summary>The pipeline's verbs: <c>worker</c>, <c>stage FILE</c>, <c>dlq list|replay</c>, and <c>rollback RUN</c> (<see cref="RollbackCommand"/>).</summary>
internal static class PipelineCommands
{
    private const int StageBatch = 1000;

    public static IEnumerable<Command> Create(TextWriter output, string[] settings) => [Worker(output, settings), Stage(output, settings), Dlq(output, settings), RollbackCommand.Create(output, settings)];

    private static Command Worker(TextWriter output, string[] settings)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Write nothing to the CRM; journal the diff per record (same as Pipeline:DryRun=true)." };
        var once = new Option<bool>("--once") { Description = "Stop when nothing is left to claim instead of waiting for more." };
        var command = new Command(
            "worker",
            "Run the pipeline worker alone: claim staged records, enrich them, write back to the CRM; and keep the provider callbacks gateways stored as their lookups' answers. Runs until Ctrl+C.")
        {
            dryRun, once,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string[] effective = parse.GetValue(dryRun) ? [.. settings, "--Pipeline:DryRun=true"] : settings;
            await using var host = await CliHost.StartAsync(effective, cancellationToken, ownProgress: true);
            var pipeline = host.Services.GetRequiredService<PipelineWorker>();
            var callbacks = host.Services.GetRequiredService<ProviderCallbackWorker>();
            await output.WriteLineAsync(parse.GetValue(once) ? "Working until the staging queue is drained." : "Worker started; Ctrl+C stops it.");
            try
            {
                await (parse.GetValue(once)
                    ? Task.WhenAll(pipeline.DrainAsync(cancellationToken), callbacks.DrainAsync(cancellationToken))
                    : Task.WhenAll(pipeline.RunAsync(cancellationToken), callbacks.RunAsync(cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            var staged = await host.Services.GetRequiredService<IStagingQueue>().CountAsync(CancellationToken.None);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Worker stopped; {staged} records staged."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Stage(TextWriter output, string[] settings)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV or JSON lines with columns source, crmId (or id, objectType, email, phone, firstName, lastName, company, domain for source none)." };
        var command = new Command("stage", "Stage records from a file for the pipeline (a backfill). Bad lines are reported with their line number and skipped.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path) || FileFormats.InputOf(path) is not { } format)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(Directory.Exists(path)
                    ? $"error: FILE: {path} is a directory; name a file."
                    : $"error: FILE: {path} does not exist or is not named .csv, .jsonl or .ndjson");
                return ExitCodes.BadArguments;
            }

            await using var host = await CliHost.StartAsync(settings, cancellationToken);
            var input = host.Services.GetRequiredService<StagingInput>();
            var staging = host.Services.GetRequiredService<IStagingQueue>();
            IRowSource rows;
            try
            {
                rows = format == InputFormat.Csv ? CsvRowSource.Open(path) : JsonLinesRowSource.Open(path);
            }
            catch (BatchInputException ex)
            {
                // An empty file, or one without a header line: bad input, as for enrich.
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: FILE: {ex.Message}");
                return ExitCodes.BadArguments;
            }

            using var open = rows;
            var column = rows.Columns.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.OrdinalIgnoreCase);
            var batch = new List<StagedRecord>(StageBatch);
            long staged = 0, skipped = 0;
            var distinct = new HashSet<(string, string)>();
            while (rows.Read() is { } row)
            {
                var (record, error) = row.Values is { } values ? input.ToRecord(Item(values, column)) : (null, row.Rejection);
                if (record is null)
                {
                    skipped++;
                    await parse.InvocationConfiguration.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: {error}"));
                    continue;
                }

                batch.Add(record);
                distinct.Add((record.SourceSystem, record.RecordId));
                if (batch.Count == StageBatch)
                {
                    await staging.StageAsync(batch, cancellationToken);
                    staged += batch.Count;
                    batch.Clear();
                }
            }

            await staging.StageAsync(batch, cancellationToken);
            staged += batch.Count;
            // A record given on several lines is staged once, with its last line's values.
            var repeated = staged - distinct.Count;
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Staged {distinct.Count} records{(repeated > 0 ? $" ({repeated} lines repeated a record already given: its last line counts)" : "")}; {skipped} lines skipped."));
            return skipped > 0 && staged == 0 ? ExitCodes.BadArguments : ExitCodes.Success;
        });
        return command;
    }

    private static StagingRequestItem Item(string[] values, Dictionary<string, int> column)
    {
        string? Get(string name) => column.TryGetValue(name, out var i) && i < values.Length && values[i].Length > 0 ? values[i] : null;
        return new StagingRequestItem
        {
            Source = Get("source"),
            CrmId = Get("crmId"),
            Id = Get("id"),
            ObjectType = Get("objectType"),
            Email = Get("email"),
            Phone = Get("phone"),
            FirstName = Get("firstName"),
            LastName = Get("lastName"),
            Company = Get("company"),
            Domain = Get("domain"),
        };
    }

    private static Command Dlq(TextWriter output, string[] settings)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "List dead letters, latest first.") { json };
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = await CliHost.StartAsync(settings, cancellationToken);
            var letters = (await host.Services.GetRequiredService<IDeadLetterStore>().ListAsync(1000, cancellationToken)).Select(DeadLetterView.Of).ToArray();
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(letters, DeadLetterJsonContext.Default.DeadLetterViewArray));
                return ExitCodes.Success;
            }

            await output.WriteLineAsync($"{letters.Length} dead letters");
            foreach (var l in letters)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{l.Id}\t{l.Kind}\t{l.Source}:{l.RecordId}\t{l.Attempts} attempts\t{l.FailedAt:u}\t{l.Reason}"));
            }

            return ExitCodes.Success;
        });

        var id = new Argument<long?>("ID") { Description = "The dead letter to replay.", Arity = ArgumentArity.ZeroOrOne, CustomParser = DeadLetterId };
        var all = new Option<bool>("--all") { Description = "Replay every dead letter." };
        var replay = new Command("replay", "Queue dead letters' work again (a pipeline record is staged again, a provider callback queued again).") { id, all };
        replay.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(id) is null == !parse.GetValue(all))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: give either an ID or --all");
                return ExitCodes.BadArguments;
            }

            await using var host = await CliHost.StartAsync(settings, cancellationToken);
            var replays = host.Services.GetRequiredService<DeadLetterReplay>();
            if (parse.GetValue(id) is { } one)
            {
                if (!await replays.ReplayAsync(one, cancellationToken))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"error: there is no dead letter {one}"));
                    return ExitCodes.BadArguments;
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Replayed dead letter {one}."));
                return ExitCodes.Success;
            }

            var count = await replays.ReplayAllAsync(cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Replayed {count} dead letters."));
            return ExitCodes.Success;
        });
        return new Command("dlq", "Dead letters: work that failed for good.") { list, replay };
    }

    /// <summary>A dead letter's number, as <c>dlq list</c> shows it; anything else is refused in those words.</summary>
    private static long? DeadLetterId(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        result.AddError($"'{text}' is not a dead letter's ID: give the number tributary dlq list shows, or --all.");
        return null;
    }
}
