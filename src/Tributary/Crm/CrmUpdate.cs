namespace Tributary.Host.Crm;

/// <summary>Field values to write to one record.</summary>
/// <param name="Id">The record id.</param>
/// <param name="ObjectType">As read (<see cref="CrmRecord.ObjectType"/>).</param>
/// <param name="Fields">CRM field name → new value (an empty string clears it, as a rollback may need).</param>
internal sealed record CrmUpdate(string Id, string ObjectType, IReadOnlyDictionary<string, string> Fields);

/// <summary>What the CRM said about one update.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Success">True when the CRM confirmed the write.</param>
/// <param name="Error">The CRM's reason when it did not (e.g. <c>OBJECT_NOT_FOUND</c>, <c>ALL_OR_NONE_OPERATION_ROLLED_BACK</c>).</param>
/// <param name="Retryable">
/// False when sending the same update again cannot succeed (a request the CRM refused whole, an id it cannot hold);
/// true for a record the CRM's answer names as failed.
/// </param>
internal sealed record CrmWriteOutcome(string Id, bool Success, string? Error, bool Retryable)
{
    public static CrmWriteOutcome Confirmed(string id) => new(id, true, null, false);
}
