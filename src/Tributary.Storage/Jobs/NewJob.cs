namespace Tributary.Storage;

/// <summary>A bulk job as submitted: everything a server needs to run it, even after a restart.</summary>
/// <param name="Id">Opaque id chosen by the caller of the store.</param>
/// <param name="CreatedAt">When it was accepted.</param>
/// <param name="Options">How to enrich, as JSON the host understands (mode, providers).</param>
/// <param name="CallbackUrl">Where to POST the completion callback, if anywhere.</param>
/// <param name="Records">The submitted records, each one JSON object, in submission order (index = position).</param>
public sealed record NewJob(
    string Id,
    DateTimeOffset CreatedAt,
    string Options,
    string? CallbackUrl,
    IReadOnlyList<string> Records);
