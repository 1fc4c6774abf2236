namespace Tributary.Storage;

/// <summary>Who read or changed which subject's data, and when (profile reads through the widget, erasures).</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Appends several entries in one transaction.</summary>
    Task AppendManyAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>The most recent entries, newest first; only those of <paramref name="subject"/> when it is given.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadRecentAsync(string? subject, int limit, CancellationToken cancellationToken);
}

/// <summary>One audit record.</summary>
/// <param name="Actor">Who: an agent id or gateway key id.</param>
/// <param name="Action">What, e.g. <c>profile.read</c> or <c>subject.forget</c>.</param>
/// <param name="SubjectHash">Keyed hash of the subject's identifier or the profile id; never a raw email or phone.</param>
/// <param name="At">When.</param>
/// <param name="Purpose">Why, as the reader said (the <c>X-Purpose</c> header); null when not said.</param>
public sealed record AuditEntry(string Actor, string Action, string SubjectHash, DateTimeOffset At, string? Purpose = null);
