using Tributary.Host.Crm;
using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>One staged record on its way through a pass: the staged row, and the CRM record read for it (null for <c>"source": "none"</c>).</summary>
/// <param name="Staged">The staged row.</param>
/// <param name="System">The CRM it came from; null for <c>"source": "none"</c>.</param>
/// <param name="Record">The CRM record as read; null for <c>"source": "none"</c> or a record the CRM no longer has.</param>
/// <param name="Identity">What enrichment looks up: for a CRM record, its identifiers that parse.</param>
/// <param name="Ignored">Why the first identifier the CRM held was left out (<c>phone: …</c>), or null.</param>
internal sealed record PipelineItem(ClaimedRecord Staged, ICrmSystem? System, CrmRecord? Record, CrmIdentity Identity, string? Ignored = null)
{
    /// <summary>The row id in <c>enriched_contacts</c> and <c>unmatched_records</c>: <c>hubspot:1001</c>.</summary>
    public string WarehouseId => WarehouseIds.Of(Staged.SourceSystem, Staged.RecordId);
}
