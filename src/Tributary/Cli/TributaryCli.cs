using System.CommandLine;
using System.CommandLine.Parsing;
using Tributary.Host.Hosting;

namespace Tributary.Host.Cli;

/// <summary><c>tributary &lt;verb&gt;</c>: parses, runs the verb, and maps failures to the contract's exit codes.</summary>
internal static class TributaryCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (!CommandLineSettings.TrySplit(args, out var split, out var problem))
        {
            await error.WriteLineAsync("error: " + problem);
            return ExitCodes.BadArguments;
        }

        var settings = split.Settings;
        var root = new RootCommand(
            "Tributary: contact and company enrichment gateway and pipeline. Any setting can follow the verb as "
            + "--Section:Key=value or --Section:Key value (e.g. --Providers:Clearbit:TimeoutMs=300); it overrides appsettings.json and the environment.")
        {
            ServeCommand.Create(settings),
            LookupCommand.Create(output, settings),
            ProvidersCommand.Create(output, settings),
            SandboxCommand.Create(output),
            EnrichCommand.Create(output, settings),
            DbCommand.Create(output, error, settings),
            ExportCommand.Create(output, settings),
            ForgetCommand.Create(output, settings),
        };
        foreach (var command in PipelineCommands.Create(output, settings))
        {
            root.Add(command);
        }


        var parsed = root.Parse(split.VerbArguments);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message);
            }

            // A verb (or `dlq`, `export`, `db`) given without the command it needs: say which there are.
            if (parsed.CommandResult.Command.Subcommands is { Count: > 0 } verbs && parsed.CommandResult.Children.All(static c => c is not CommandResult))
            {
                await error.WriteLineAsync($"Commands: {string.Join(", ", verbs.Where(static v => !v.Hidden).Select(static v => v.Name))}. See --help.");
            }

            return ExitCodes.BadArguments;
        }

        try
        {
            // Our own handler below maps failures to the contract's exit codes; the default one would make them all 1.
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } problems)
        {
            foreach (var setting in problems)
            {
                await error.WriteLineAsync($"error: {setting}");
            }

            return ExitCodes.BadArguments;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            // Only the type and message: a stack trace is for logs at debug level, not for the person at the terminal.
            await error.WriteLineAsync($"error: {ex.GetType().Name}: {ex.Message}");
            if (ex is System.Data.Common.DbException)
            {
                // A store that cannot be opened or written is most often a wrong path, permission or server in the settings.
                await error.WriteLineAsync("note: the store failed; check Storage:Provider and Storage:ConnectionString (its file or server, and the permissions).");
            }

            return ExitCodes.RuntimeFailure;
        }
    }
}
