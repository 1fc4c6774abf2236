namespace Tributary.Privacy;

/// <summary>Where suppressed subjects are kept: hashes of their identifiers, never the identifiers themselves.</summary>
public interface ISuppressionStore
{
    /// <summary>Every suppressed identifier hash.</summary>
    Task<IReadOnlyCollection<string>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="identifierHashes"/> listed for <paramref name="reason"/> at or after <paramref name="since"/>, as the store holds them now.</summary>
    Task<IReadOnlyCollection<string>> FindAsync(IReadOnlyCollection<string> identifierHashes, string reason, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Adds identifier hashes (idempotent); a hash already listed keeps the latest reason.</summary>
    Task AddAsync(IReadOnlyCollection<string> identifierHashes, string reason, CancellationToken cancellationToken);
}
