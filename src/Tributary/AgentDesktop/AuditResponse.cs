namespace Tributary.Host.AgentDesktop;

/// <summary>The answer of <c>GET /v1/audit</c>: the most recent entries first.</summary>
internal sealed record AuditResponse(IReadOnlyList<AuditRow> Entries);

/// <summary>One audit entry as the API shows it.</summary>
/// <param name="Actor">The gateway key id (<c>key-…</c>, or <c>open</c>) or the operator.</param>
/// <param name="Action"><c>profile.read</c>, <c>subject.forget</c>, …</param>
/// <param name="Subject">The profile id read, or the keyed hash of an erased identifier.</param>
/// <param name="Purpose">The reader's <c>X-Purpose</c>.</param>
/// <param name="At">When.</param>
internal sealed record AuditRow(string Actor, string Action, string Subject, string? Purpose, DateTimeOffset At);
