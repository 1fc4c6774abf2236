using Tributary.Host.Crm;
using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>One staged record on its way through a pass: the staged row, and the CRM record read for it (null for <c>"source": "none"</c>).</summary>
internal sealed record PipelineItem(ClaimedRecord Staged, ICrmSystem? System, CrmRecord? Record, CrmIdentity Identity)
{
    /// <summary>The row id in <c>enriched_contacts</c> and <c>unmatched_records</c>: <c>hubspot:1001</c>.</summary>
    public string WarehouseId => WarehouseIds.Of(Staged.SourceSystem, Staged.RecordId);
}
