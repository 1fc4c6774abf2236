using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Tributary.Storage;

/// <summary>
/// Checks <c>Storage</c> at start, with messages that name the setting and what is wrong with it. A connection string
/// is only parsed here, never echoed: it may hold a password.
/// </summary>
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

        if (options.ConnectionString is { } connectionString)
        {
            try
            {
                _ = options.IsPostgres ? new NpgsqlConnectionStringBuilder(connectionString).Host : new SqliteConnectionStringBuilder(connectionString).DataSource;
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid {options.Provider} connection string: {ex.Message}");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
