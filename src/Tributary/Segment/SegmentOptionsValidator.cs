using Microsoft.Extensions.Options;

namespace Tributary.Host.Segment;

/// <summary>Checks <c>Segment</c> at start, naming the key of each problem.</summary>
internal sealed class SegmentOptionsValidator : IValidateOptions<SegmentOptions>
{
    public ValidateOptionsResult Validate(string? name, SegmentOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.BaseUrl))
        {
            failures.Add("Segment:BaseUrl must be an absolute http(s) URL.");
        }

        if (!IsHttpUrl(options.ProfilesUrl))
        {
            failures.Add("Segment:ProfilesUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.SpaceId) != string.IsNullOrWhiteSpace(options.AccessToken))
        {
            failures.Add("Segment:SpaceId and Segment:AccessToken go together: set both to read the Profile API, or neither.");
        }

        if (options.SpaceId is { Length: > 0 } space && space.Any(static c => c is '/' or '?' or '#' || char.IsWhiteSpace(c)))
        {
            failures.Add("Segment:SpaceId must be a space id (no '/', '?', '#' or spaces).");
        }

        Range(failures, "MaxAttempts", options.MaxAttempts, 1, 10);
        Range(failures, "RetryBaseDelayMs", options.RetryBaseDelayMs, 1, 60_000);
        Range(failures, "MaxRetryAfterSeconds", options.MaxRetryAfterSeconds, 0, 3_600);
        Range(failures, "TimeoutMs", options.TimeoutMs, 100, 600_000);
        Range(failures, "ProfileMaxAttempts", options.ProfileMaxAttempts, 1, 5);
        Range(failures, "ProfileRetryBaseDelayMs", options.ProfileRetryBaseDelayMs, 1, 10_000);
        Range(failures, "ProfileTimeoutMs", options.ProfileTimeoutMs, 100, 60_000);
        var breaker = options.ProfileCircuitBreaker;
        Range(failures, "ProfileCircuitBreaker:MinimumThroughput", breaker.MinimumThroughput, 2, 10_000);
        Range(failures, "ProfileCircuitBreaker:SamplingDurationMs", breaker.SamplingDurationMs, 500, 3_600_000);
        Range(failures, "ProfileCircuitBreaker:BreakDurationMs", breaker.BreakDurationMs, 500, 3_600_000);
        if (breaker.FailureRatio is <= 0 or > 1 || double.IsNaN(breaker.FailureRatio))
        {
            failures.Add("Segment:ProfileCircuitBreaker:FailureRatio must be above 0 and at most 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Segment:{key} must be between {min} and {max}.");
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
