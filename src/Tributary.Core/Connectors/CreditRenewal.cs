namespace Tributary.Connectors;

/// <summary>
/// When a provider that reports its credits spent should be asked again, for providers whose answer does not say.
/// Until then the engine skips it as <c>budget_exhausted</c> for every caller (see <c>ProviderResult.ExhaustedUntil</c>).
/// </summary>
internal static class CreditRenewal
{
    /// <summary>
    /// The next UTC midnight: for allowances renewed on a date the answer does not give (a contract, a top-up). Looking
    /// once a day costs one refused call, which these providers do not bill.
    /// </summary>
    public static DateTimeOffset NextUtcDay(DateTimeOffset now) => new(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);

    /// <summary>The first of next month (UTC): for monthly allowances whose billing day is not known.</summary>
    public static DateTimeOffset NextUtcMonth(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
}
