namespace Tributary.Storage;

/// <summary>
/// Applies the store's versioned schema migrations. Safe to run from several processes at once: each migration is
/// applied exactly once. The host runs it at start; <c>tributary db migrate</c> runs it on demand.
/// </summary>
public interface IStoreMigrator
{
    /// <summary>Applies pending migrations and says which ones this call applied.</summary>
    Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken);
}

/// <summary>What one migration run did.</summary>
/// <param name="Applied">Migrations applied by this run, in order (e.g. <c>0003_pipeline</c>); empty when up to date.</param>
/// <param name="SchemaVersion">The highest version now applied.</param>
public sealed record MigrationReport(IReadOnlyList<string> Applied, long SchemaVersion);
