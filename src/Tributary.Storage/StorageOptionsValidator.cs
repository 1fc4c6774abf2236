using Microsoft.Extensions.Options;

namespace Tributary.Storage;

/// <summary>Checks <c>Storage</c> at start, with messages that name the setting and the value found.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!options.IsSqlite && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail($"Storage:Provider '{options.Provider}' is not supported: use 'sqlite' (the default) or 'postgres'.");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Storage:ConnectionString is required when Storage:Provider is 'postgres' (e.g. Host=db;Username=tributary;Password=…;Database=tributary).");
        }

        return ValidateOptionsResult.Success;
    }
}
