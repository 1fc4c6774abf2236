using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Host.Exports;
using Tributary.Host.Flat;
using Tributary.Host.Hosting;

namespace Tributary.Host.Cli;

/// <summary>
/// <c>tributary export genesys-data-action</c> and <c>export cxone-snippet</c>: the JSON a contact-center admin imports
/// to call the gateway, generated from this configuration's flat contract (custom fields of
/// <c>Providers:Http:&lt;Name&gt;:Mapping</c> included), to standard output or <c>--out</c>.
/// </summary>
internal static class ExportCommand
{
    /// <summary>Where the gateway is reached from the contact center when <c>--gateway-url</c> is not given: to be replaced.</summary>
    public const string PlaceholderUrl = "https://tributary.example.com";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextWriter output, string[] settings)
    {
        return new Command("export", "Write the import-ready JSON a contact-center admin needs to call the gateway.")
        {
            Verb("genesys-data-action", "A Genesys Cloud Web Services Data Action calling /v1/enrich (import it under Integrations > Actions).", GenesysDataActionExport.Build, output, settings),
            Verb("cxone-snippet", "The NICE CXone Studio REST API action (and its SNIPPETs) calling /v1/enrich.", CxoneSnippetExport.Build, output, settings),
        };
    }

    /// <summary>The export as it would be written for <paramref name="configuration"/>.</summary>
    public static JsonObject Build(Func<FlatFields, string, int, JsonObject> build, IConfiguration configuration, string? gatewayUrl)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddTributaryHost(configuration);
        using var provider = services.BuildServiceProvider();
        var fields = provider.GetRequiredService<FlatFields>();

        // The action waits for the gateway's own budget plus a second for the network.
        var budgetMs = configuration.GetValue("Enrichment:TimeoutMs", 800);
        return build(fields, gatewayUrl ?? PlaceholderUrl, (int)Math.Ceiling(budgetMs / 1000.0) + 1);
    }

    private static Command Verb(string name, string description, Func<FlatFields, string, int, JsonObject> build, TextWriter output, string[] settings)
    {
        var file = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var gateway = new Option<string?>("--gateway-url")
        {
            Description = $"The gateway's base URL as the contact center reaches it (default {PlaceholderUrl}, to be replaced).",
        };
        var command = new Command(name, description) { file, gateway };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var url = parse.GetValue(gateway);
            // The endpoint's path is appended to it, so a query or fragment would end up in front of /v1/enrich; and
            // the URL goes into a Velocity template, where '$' and '#' start references and directives.
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.Query.Length > 0 || uri.Fragment.Length > 0 || url.Contains('$', StringComparison.Ordinal)))
            {
                await error.WriteLineAsync("error: --gateway-url must be an absolute http(s) URL without a query, fragment or '$', e.g. https://tributary.example.com.");
                return ExitCodes.BadArguments;
            }

            var target = parse.GetValue(file);
            if (target is not null && WritableFile.Problem("--out", target.FullName) is { } problem)
            {
                await error.WriteLineAsync("error: " + problem);
                return ExitCodes.BadArguments;
            }

            var configuration = new ConfigurationManager();
            TributaryConfiguration.AddSources(configuration, settings);
            var json = Build(build, configuration, url).ToJsonString(Indented) + Environment.NewLine;
            if (target is not null)
            {
                await File.WriteAllTextAsync(target.FullName, json, cancellationToken);
                await error.WriteLineAsync($"wrote {target.FullName}");
            }
            else
            {
                await output.WriteAsync(json);
            }

            if (url is null)
            {
                await error.WriteLineAsync($"note: the URL is {PlaceholderUrl}; pass --gateway-url with the address the contact center reaches.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
