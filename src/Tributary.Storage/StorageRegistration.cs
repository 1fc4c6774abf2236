using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tributary.Caching;
using Tributary.Credits;
using Tributary.Privacy;
using Tributary.Providers;
using Tributary.Storage.Sqlite;

namespace Tributary.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// Uses the store named by <c>Storage:Provider</c> for the ledger of paid lookups, and keeps the identifier-hash
    /// pepper in it when none is configured, so hashes and cache keys survive restarts.
    /// </summary>
    public static TributaryBuilder UseStorage(this TributaryBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName)
            .Validate(o => o.Provider is "sqlite", "Storage:Provider must be 'sqlite' (PostgreSQL arrives with the storage issue).")
            .ValidateOnStart();
        services.TryAddSingleton<SqliteDatabase>();
        services.RemoveAll<ILookupLedger>();
        services.AddSingleton<ILookupLedger, SqliteLookupLedger>();
        services.RemoveAll<ISuppressionStore>();
        services.AddSingleton<ISuppressionStore, SqliteSuppressionStore>();
        services.RemoveAll<ICreditStore>();
        services.AddSingleton<ICreditStore, SqliteCreditStore>();
        services.AddOptions<PrivacyOptions>().Configure<SqliteDatabase>((privacy, database) =>
            privacy.Pepper ??= database.GetOrCreateSetting("identifier_pepper", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        return builder;
    }
}
