using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Tributary.Enrichment;
using Tributary.Host.Contracts;
using Tributary.Host.Flat;
using Tributary.Identifiers;
using Tributary.Orchestration;

namespace Tributary.Host.Cli;

/// <summary><c>tributary lookup --email …</c>: one identifier → the merged profile with provenance and each provider's status.</summary>
internal static class LookupCommand
{
    private const int InteractiveTimeoutMs = 5000;

    /// <param name="output">Where the profile goes.</param>
    /// <param name="settings">Configuration from the command line (<see cref="CommandLineSettings"/>).</param>
    public static Command Create(TextWriter output, string[] settings)
    {
        var email = new Option<string?>("--email") { Description = "Email address to look up." };
        var phone = new Option<string?>("--phone") { Description = "Phone number (E.164, or national in the default region)." };
        var domain = new Option<string?>("--domain") { Description = "Company domain or website." };
        var name = new Option<string?>("--name") { Description = "Person's full name (with --company)." };
        var company = new Option<string?>("--company") { Description = "Company name (with --name)." };
        var linkedin = new Option<string?>("--linkedin") { Description = "LinkedIn profile URL." };
        var providers = new Option<string?>("--providers") { Description = "Comma-separated provider subset, in order of precedence." };
        var mode = new Option<string?>("--mode") { Description = "parallel (default) or waterfall." };
        var timeout = new Option<int?>("--timeout-ms") { Description = "Total budget in milliseconds (default 5000: a person at a terminal can wait longer than an IVR)." };
        var json = new Option<bool>("--json") { Description = "Print the nested profile as JSON instead of a table." };

        var command = new Command("lookup", "Look one subject up and print the merged profile with provenance.")
        {
            email, phone, domain, name, company, linkedin, providers, mode, timeout, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var body = new EnrichRequestBody
            {
                Email = parse.GetValue(email),
                Phone = parse.GetValue(phone),
                Domain = parse.GetValue(domain),
                Name = parse.GetValue(name),
                Company = parse.GetValue(company),
                LinkedInUrl = parse.GetValue(linkedin),
                Mode = parse.GetValue(mode),
                TimeoutMs = parse.GetValue(timeout) ?? InteractiveTimeoutMs,
                Providers = parse.GetValue(providers)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };

            await using var host = await CliHost.StartAsync(settings, cancellationToken);
            var normalizer = host.Services.GetRequiredService<IdentifierNormalizer>();
            if (!EnrichRequestParser.TryBuild(body, LookupKind.Person, normalizer, out var request, out var field, out var detail))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {field}: {detail}");
                return ExitCodes.BadArguments;
            }

            EnrichmentResult result;
            try
            {
                result = await host.Services.GetRequiredService<EnrichmentEngine>().EnrichAsync(request, cancellationToken);
            }
            catch (Tributary.Providers.UnknownProviderException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: providers: unknown provider '{ex.Provider}'");
                return ExitCodes.BadArguments;
            }

            var response = ResponseMapping.ToNested(result, Guid.NewGuid().ToString("N"));
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(response, CliJson.Indented.ProfileResponse));
            }
            else
            {
                Render(response, output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Render(ProfileResponse response, TextWriter output)
    {
        var console = CliConsole.Create(output);
        var fields = new Table().Title("Profile").AddColumns("Field", "Value", "Source", "Confidence");
        foreach (var (section, values) in new[] { ("person", response.Person), ("company", response.Company), ("custom", response.Custom) })
        {
            foreach (var (key, value) in values)
            {
                fields.AddRow(Markup.Escape($"{section}.{key}"), Markup.Escape(value.Value.ToString()), Markup.Escape(value.Source), value.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var providers = new Table().Title("Providers").AddColumns("Provider", "Status", "Latency", "Detail");
        foreach (var provider in response.Providers)
        {
            providers.AddRow(provider.Name, provider.Status + (provider.Stale ? " (stale)" : string.Empty), $"{provider.LatencyMs} ms", Markup.Escape(provider.Detail ?? string.Empty));
        }

        console.Write(fields);
        console.Write(providers);
        console.MarkupLine($"source [bold]{Markup.Escape(response.Source)}[/], confidence {response.Confidence:0.00}, partial {(response.Partial ? "yes" : "no")}, {response.ElapsedMs} ms");
    }
}
