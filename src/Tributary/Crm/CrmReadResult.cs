namespace Tributary.Host.Crm;

/// <summary>What one batch read returned.</summary>
/// <param name="Records">The records the CRM knows, in no particular order.</param>
/// <param name="Missing">Ids the CRM answered as not found (deleted or never existed).</param>
internal sealed record CrmReadResult(IReadOnlyList<CrmRecord> Records, IReadOnlyList<string> Missing);
