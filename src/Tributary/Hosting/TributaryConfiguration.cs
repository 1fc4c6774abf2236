using Microsoft.Extensions.FileProviders;

namespace Tributary.Host.Hosting;

/// <summary>
/// Configuration sources, lowest precedence first: <c>appsettings.json</c> in the working directory, a directory of key-per-file secrets
/// (as Docker and Kubernetes mount them; file <c>Providers__Clearbit__ApiKey</c> holds that key), environment
/// variables, then the command line.
/// </summary>
internal static class TributaryConfiguration
{
    /// <summary>
    /// Environment variable naming the secrets directory. Unset, <c>/run/secrets</c> is read when it exists; set, the
    /// directory must exist.
    /// </summary>
    public const string SecretsDirectoryVariable = "TRIBUTARY_SECRETS_DIR";

    private const string DefaultSecretsDirectory = "/run/secrets";

    public static void AddSources(IConfigurationManager configuration, string[] args)
    {
        // The working directory, as for serve: a bare configuration builder (and a host without defaults) would look
        // for the file beside the executable instead.
        configuration.AddJsonFile(new PhysicalFileProvider(Environment.CurrentDirectory), "appsettings.json", optional: true, reloadOnChange: false);
        var secrets = SecretsDirectory();
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

    /// <summary>
    /// The secrets directory to read. One named but missing (a typo, a volume not mounted) is refused: without the keys
    /// kept there the gateway would quietly start in sandbox mode. The path is said; it is not a secret.
    /// </summary>
    private static string SecretsDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(SecretsDirectoryVariable);
        if (string.IsNullOrEmpty(configured))
        {
            return DefaultSecretsDirectory;
        }

        return Directory.Exists(configured)
            ? configured
            : throw new ConfigurationException($"{SecretsDirectoryVariable}: the directory '{Path.GetFullPath(configured)}' does not exist or is not a directory.");
    }
}
