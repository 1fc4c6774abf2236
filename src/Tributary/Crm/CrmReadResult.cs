namespace Tributary.Host.Crm;

/// <summary>What one batch read returned.</summary>
/// <param name="Records">The records the CRM knows, in no particular order.</param>
/// <param name="Missing">Ids the CRM answered as not found (deleted or never existed).</param>
/// <remarks>
/// An id asked for that is in neither list failed to be read this time (an error named it, or the answer left it out):
/// it is retried, never taken for gone.
/// </remarks>
internal sealed record CrmReadResult(IReadOnlyList<CrmRecord> Records, IReadOnlyList<string> Missing);
