namespace Tributary.Host.Crm;

/// <summary>
/// The row id of a CRM record in <c>enriched_contacts</c> and <c>unmatched_records</c>: the CRM's name and its own id,
/// <c>hubspot:1001</c>, so two CRMs' ids never meet. The identity graph links the CRM's own id (<c>1001</c>), as callers know it.
/// </summary>
internal static class WarehouseIds
{
    public static string Of(string source, string recordId) => $"{source}:{recordId}";
}
