using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Tributary.Host.Privacy;
using Tributary.Identifiers;

namespace Tributary.Host.Cli;

/// <summary>
/// <c>tributary forget --email X | --phone Y</c>: right to erasure from the command line, on the configured store; running
/// gateways on the same store stop serving the subject within <c>Privacy:SuppressionRefreshSeconds</c>.
/// </summary>
internal static class ForgetCommand
{
    public static Command Create(TextWriter output, string[] settings)
    {
        var email = new Option<string?>("--email") { Description = "The subject's email address." };
        var phone = new Option<string?>("--phone") { Description = "The subject's phone number." };
        var json = new Option<bool>("--json") { Description = "Print the receipt as JSON." };
        var command = new Command("forget", "Erase a subject from the store and every cache, and suppress it: no provider is asked about it again. Prints a receipt of counts per place.") { email, phone, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (byEmail, byPhone) = (parse.GetValue(email), parse.GetValue(phone));
            if (string.IsNullOrWhiteSpace(byEmail) == string.IsNullOrWhiteSpace(byPhone))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: give exactly one of --email and --phone");
                return ExitCodes.BadArguments;
            }

            await using var host = await CliHost.StartAsync(settings, cancellationToken);
            ErasureReceipt receipt;
            try
            {
                receipt = await host.Services.GetRequiredService<SubjectEraser>().ForgetAsync(
                    string.IsNullOrWhiteSpace(byEmail) ? null : byEmail, string.IsNullOrWhiteSpace(byPhone) ? null : byPhone, "cli", cancellationToken);
            }
            catch (InvalidIdentifierException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: --{ex.Field}: {ex.Message}");
                return ExitCodes.BadArguments;
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(receipt, PrivacyJsonContext.Default.ErasureReceipt));
                return ExitCodes.Success;
            }

            var table = new Table().AddColumn("place").AddColumn(new TableColumn("removed").RightAligned());
            foreach (var (place, count) in Places(receipt))
            {
                table.AddRow(place, count?.ToString(CultureInfo.InvariantCulture) ?? "not reached (see the log)");
            }

            var console = CliConsole.Create(output);
            console.Write(table);
            console.WriteLine($"Subject {receipt.Subject} is suppressed: no provider will be asked about it again.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<(string Place, int? Count)> Places(ErasureReceipt receipt) =>
    [
        ("ledger of paid answers", receipt.Ledger),
        ("in-process cache", receipt.Cache),
        ("shared cache (Redis)", receipt.SharedCache),
        ("enriched contacts", receipt.EnrichedContacts),
        ("unmatched records", receipt.Unmatched),
        ("staging", receipt.Staging),
        ("job records (blanked)", receipt.JobRecords),
        ("identity links", receipt.IdentityLinks),
        ("profiles", receipt.Profiles),
        ("profile traits", receipt.Traits),
        ("pending outcomes", receipt.Outcomes),
        ("dead letters", receipt.DeadLetters),
        ("write-back journal", receipt.Journal),
    ];
}
