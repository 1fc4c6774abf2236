namespace Tributary.Storage;

/// <summary>Whether the configured store can be reached, for readiness probes and start-up logs.</summary>
public interface IStoreHealth
{
    /// <summary>Where the store is, for people: <c>sqlite:/srv/tributary.db</c> or <c>postgres://user@host:5432/db</c>; never a password.</summary>
    string DisplayName { get; }

    /// <summary>True when a connection opens and the schema is migrated. An unreachable store is false, not an exception.</summary>
    Task<bool> CheckAsync(CancellationToken cancellationToken);
}
