namespace Tributary.Caching;

/// <summary>What <see cref="SubjectEviction"/> removed.</summary>
/// <param name="Local">Answers removed from this process's memory.</param>
/// <param name="Shared">Answers removed from the shared cache: 0 without one, null when it could not be reached.</param>
internal sealed record CacheEviction(int Local, int? Shared);
