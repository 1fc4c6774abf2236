using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Caching;
using Tributary.Credits;
using Tributary.Privacy;
using Tributary.Providers;
using Tributary.Storage.Postgres;
using Tributary.Storage.Sqlite;

namespace Tributary.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// Uses the store named by <c>Storage:Provider</c> for the ledger of paid lookups, suppression list, credits and
    /// the pipeline's capabilities, and keeps the identifier-hash pepper in it when none is configured, so hashes
    /// and cache keys survive restarts and agree across nodes.
    /// </summary>
    public static TributaryBuilder UseStorage(this TributaryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddTributaryStore();

        // The core registers in-memory defaults; the store replaces them.
        services.RemoveAll<ILookupLedger>();
        services.AddSingleton<ILookupLedger>(sp => new WriteBehindLookupLedger(
            Pick<ILookupLedger, SqliteLookupLedger, PostgresLookupLedger>(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CacheOptions>>().Value.LedgerQueueCapacity,
            sp.GetRequiredService<ILogger<WriteBehindLookupLedger>>()));
        services.RemoveAll<ISuppressionStore>();
        services.AddSingleton(Pick<ISuppressionStore, SqliteSuppressionStore, PostgresSuppressionStore>);
        services.RemoveAll<ICreditStore>();
        services.AddSingleton(Pick<ICreditStore, SqliteCreditStore, PostgresCreditStore>);

        services.AddOptions<PrivacyOptions>().Configure<IStoreSettings>((privacy, settings) =>
            privacy.Pepper ??= settings.GetOrCreate("identifier_pepper", () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        return builder;
    }

    /// <summary>
    /// The store alone, without the enrichment core: options, the backend chosen by <c>Storage:Provider</c>, and the
    /// pipeline's capabilities. For tools such as <c>tributary db migrate</c>; hosts call <see cref="UseStorage"/>.
    /// </summary>
    public static IServiceCollection AddTributaryStore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<PostgresDatabase>();
        services.TryAddSingleton<SqliteStoreAdmin>();
        services.TryAddSingleton<PostgresStoreAdmin>();
        services.TryAddSingleton(Pick<IStoreHealth, SqliteStoreAdmin, PostgresStoreAdmin>);
        services.TryAddSingleton(Pick<IStoreMigrator, SqliteStoreAdmin, PostgresStoreAdmin>);
        services.TryAddSingleton(Pick<IStoreSettings, SqliteStoreAdmin, PostgresStoreAdmin>);
        services.TryAddSingleton(Pick<IEnrichedContactStore, SqliteEnrichedContactStore, PostgresEnrichedContactStore>);
        services.TryAddSingleton(Pick<IUnmatchedRecordStore, SqliteUnmatchedRecordStore, PostgresUnmatchedRecordStore>);
        services.TryAddSingleton(Pick<IStagingQueue, SqliteStagingQueue, PostgresStagingQueue>);
        services.TryAddSingleton(Pick<IIdempotencyKeys, SqliteIdempotencyKeys, PostgresIdempotencyKeys>);
        services.TryAddSingleton(Pick<IAuditLog, SqliteAuditLog, PostgresAuditLog>);
        services.TryAddSingleton(Pick<IRunStore, SqliteRunStore, PostgresRunStore>);
        services.TryAddSingleton(Pick<IDeadLetterStore, SqliteDeadLetterStore, PostgresDeadLetterStore>);
        services.TryAddSingleton(Pick<IWriteBackJournal, SqliteWriteBackJournal, PostgresWriteBackJournal>);
        services.TryAddSingleton(Pick<IJobStore, SqliteJobStore, PostgresJobStore>);
        services.TryAddSingleton(Pick<ISubjectErasure, SqliteSubjectErasure, PostgresSubjectErasure>);
        services.TryAddSingleton(Pick<IIdentityGraph, SqliteIdentityGraph, PostgresIdentityGraph>);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StoreMigrationService>());
        return services;
    }

    /// <summary>
    /// The implementation for the configured backend, created on first use. Resolving options here is what fails
    /// a bad <c>Storage:Provider</c> with a message naming it.
    /// </summary>
    private static TService Pick<TService, TSqlite, TPostgres>(IServiceProvider services)
        where TService : class
        where TSqlite : TService
        where TPostgres : TService =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgres
            ? ActivatorUtilities.GetServiceOrCreateInstance<TPostgres>(services)
            : ActivatorUtilities.GetServiceOrCreateInstance<TSqlite>(services);
}
