namespace Tributary.Storage;

/// <summary>Who read or changed which subject's data, and when (profile reads through the widget, erasures).</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The most recent entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadRecentAsync(int limit, CancellationToken cancellationToken);
}

/// <summary>One audit record.</summary>
/// <param name="Actor">Who: an agent id or gateway key name.</param>
/// <param name="Action">What, e.g. <c>profile.read</c> or <c>subject.forget</c>.</param>
/// <param name="SubjectHash">Keyed hash of the subject's identifier or the profile id; never a raw email or phone.</param>
/// <param name="At">When.</param>
public sealed record AuditEntry(string Actor, string Action, string SubjectHash, DateTimeOffset At);
