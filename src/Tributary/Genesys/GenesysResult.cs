namespace Tributary.Host.Genesys;

/// <summary>
/// The end of one Genesys Cloud call. <paramref name="Reason"/> says why it failed in terms safe to log and store
/// (statuses and Genesys error codes, never a phone number, a token or a message body).
/// </summary>
/// <param name="Outcome">Done, gone or failed.</param>
/// <param name="Reason">Null when done; otherwise e.g. <c>http_503</c>, <c>rate_limited: retry-after 600 s over the 180 s ceiling</c>.</param>
/// <param name="StatusCode">The last HTTP status, when there was an answer.</param>
/// <param name="Attempts">Requests the call sent (retries of 429, 5xx and network errors, and the one sent again with a fresh token after a 401, included).</param>
internal sealed record GenesysResult(GenesysOutcome Outcome, string? Reason = null, int? StatusCode = null, int Attempts = 1)
{
    public static GenesysResult Done { get; } = new(GenesysOutcome.Done);

    public bool IsDone => Outcome == GenesysOutcome.Done;
}

/// <summary>A <see cref="GenesysResult"/> that carries what Genesys answered when done.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
internal sealed record GenesysResult<T>(GenesysOutcome Outcome, T? Value, string? Reason = null, int? StatusCode = null, int Attempts = 1)
{
    public bool IsDone => Outcome == GenesysOutcome.Done;
}
