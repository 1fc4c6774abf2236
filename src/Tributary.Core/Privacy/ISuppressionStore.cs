namespace Tributary.Privacy;

/// <summary>Where suppressed subjects are kept: hashes of their identifiers, never the identifiers themselves.</summary>
public interface ISuppressionStore
{
    /// <summary>Every suppressed identifier hash.</summary>
    Task<IReadOnlyCollection<string>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds identifier hashes (idempotent).</summary>
    Task AddAsync(IReadOnlyCollection<string> identifierHashes, string reason, CancellationToken cancellationToken);
}
