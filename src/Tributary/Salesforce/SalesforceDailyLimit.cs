using System.Net.Http.Headers;

namespace Tributary.Host.Salesforce;

/// <summary>
/// The org's API allowance as the client knows it: the last <c>Sforce-Limit-Info</c> (<c>api-usage=25/15000</c>), and
/// whether a 403 <c>REQUEST_LIMIT_EXCEEDED</c> stopped Salesforce work until the next UTC midnight (the allowance is a
/// rolling 24 h, so midnight is a fair first try: the next call tells).
/// </summary>
internal sealed class SalesforceDailyLimit(TimeProvider time)
{
    public const string LimitInfoHeader = "Sforce-Limit-Info";

    private string? _lastUsage;
    private long _stoppedUntilTicks;

    public string? LastUsage => Volatile.Read(ref _lastUsage);

    /// <summary>When work may start again, while stopped; null otherwise.</summary>
    public DateTimeOffset? StoppedUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _stoppedUntilTicks);
            return ticks > time.GetUtcNow().UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
    }

    public DateTimeOffset StopForTheDay()
    {
        var resumeAt = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        Interlocked.Exchange(ref _stoppedUntilTicks, resumeAt.UtcTicks);
        return resumeAt;
    }

    public void Observe(HttpResponseHeaders headers)
    {
        if (headers.TryGetValues(LimitInfoHeader, out var values) && values.FirstOrDefault() is { Length: > 0 and <= 200 } usage)
        {
            Volatile.Write(ref _lastUsage, usage.Trim());
        }
    }
}
