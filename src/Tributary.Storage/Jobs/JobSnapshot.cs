namespace Tributary.Storage;

/// <summary>A bulk job as stored, without its records.</summary>
public sealed record JobSnapshot(
    string Id,
    JobState State,
    JobCounts Counts,
    string Options,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? CallbackUrl,
    CallbackState CallbackState,
    int CallbackAttempts);
