using Microsoft.Extensions.FileProviders;

namespace Tributary.Host.Hosting;

/// <summary>
/// Configuration sources, lowest precedence first: <c>appsettings.json</c> in the working directory, a directory of key-per-file secrets
/// (as Docker and Kubernetes mount them; file <c>Providers__Clearbit__ApiKey</c> holds that key), environment
/// variables, then the command line.
/// </summary>
internal static class TributaryConfiguration
{
    /// <summary>Environment variable naming the secrets directory (default <c>/run/secrets</c> when it exists).</summary>
    public const string SecretsDirectoryVariable = "TRIBUTARY_SECRETS_DIR";

    public static void AddSources(IConfigurationManager configuration, string[] args)
    {
        // The working directory, as for serve: a bare configuration builder (and a host without defaults) would look
        // for the file beside the executable instead.
        configuration.AddJsonFile(new PhysicalFileProvider(Environment.CurrentDirectory), "appsettings.json", optional: true, reloadOnChange: false);
        var secrets = Environment.GetEnvironmentVariable(SecretsDirectoryVariable) ?? "/run/secrets";
        if (Directory.Exists(secrets))
        {
            configuration.AddKeyPerFile(source =>
            {
                source.FileProvider = new PhysicalFileProvider(Path.GetFullPath(secrets));
                source.Optional = true;
                source.SectionDelimiter = "__";
            });
        }

        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }
}
