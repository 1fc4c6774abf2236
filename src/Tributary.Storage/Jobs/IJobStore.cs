namespace Tributary.Storage;

/// <summary>
/// Bulk jobs and their records. The submitted records are kept, so a server that stops mid-job (or dies) can be
/// replaced by another that resumes where results end. A job is worked by one server at a time: the one holding its
/// claim, a lease renewed as results are saved and handed back on a clean shutdown.
/// </summary>
public interface IJobStore
{
    /// <summary>Stores a new queued job with its records, all or nothing.</summary>
    Task CreateAsync(NewJob job, CancellationToken cancellationToken);

    /// <summary>The job without its records, or null when the id is unknown.</summary>
    Task<JobSnapshot?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Ids of queued and running jobs, oldest first.</summary>
    Task<IReadOnlyList<string>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims an unfinished job for <paramref name="owner"/> until <paramref name="now"/> + <paramref name="lease"/>
    /// and marks it running. Succeeds when the job is queued, unclaimed, already held by this owner, or its lease ran out.
    /// </summary>
    Task<bool> TryClaimAsync(string id, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records still without a result, by index. Read in pages, so memory does not grow with the job.</summary>
    IAsyncEnumerable<JobRecord> ReadPendingRecordsAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Saves results and adds them to the job's counts, and extends the owner's lease to <paramref name="leaseUntil"/>.
    /// A record that already has a result keeps it and is not counted twice. False when <paramref name="owner"/> no
    /// longer holds the job (it stalled past its lease and another server took it over): it should stop.
    /// </summary>
    Task<bool> SaveResultsAsync(string id, string owner, IReadOnlyList<JobRecordResult> results, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the job completed or failed (with <paramref name="reason"/>) and drops the claim; a callback URL makes its
    /// callback pending. Only while <paramref name="owner"/> holds the job, so a server that lost it does not finish it
    /// a second time (and send a second callback); false then.
    /// </summary>
    Task<bool> FinishAsync(string id, string owner, JobState state, string? reason, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>Hands a running job back (clean shutdown): it stays running, unclaimed, for the next server to resume.</summary>
    Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken);

    /// <summary>Result lines by record index. Read in pages, so memory does not grow with the job.</summary>
    IAsyncEnumerable<string> ReadResultsAsync(string id, CancellationToken cancellationToken);

    /// <summary>Ids of finished jobs whose callback is pending, oldest first.</summary>
    Task<IReadOnlyList<string>> ListPendingCallbacksAsync(CancellationToken cancellationToken);

    /// <summary>Records how the callback went and after how many attempts in all.</summary>
    Task RecordCallbackAsync(string id, CallbackState state, int attempts, CancellationToken cancellationToken);
}
