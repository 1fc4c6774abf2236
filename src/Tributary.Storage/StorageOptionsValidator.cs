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
            string? target;
            try
            {
                target = options.IsPostgres ? new NpgsqlConnectionStringBuilder(connectionString).Host : new SqliteConnectionStringBuilder(connectionString).DataSource;
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid {options.Provider} connection string: {ex.Message}");
            }

            // SQLite without a file opens a new temporary database on every connection: nothing would be kept.
            if (options.IsSqlite && string.IsNullOrWhiteSpace(target))
            {
                return ValidateOptionsResult.Fail(
                    "Storage:ConnectionString names no database file: give one (Data Source=tributary.db), or leave the setting out for that default.");
            }

            // SQLite creates the file, never its directory; a shared-cache memory database has no directory at all.
            if (options.IsSqlite && target is { } file && !file.StartsWith(':') && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
                && Path.GetDirectoryName(Path.GetFullPath(file)) is { } directory && !Directory.Exists(directory))
            {
                return ValidateOptionsResult.Fail($"Storage:ConnectionString names a database file in {directory}, which does not exist.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
