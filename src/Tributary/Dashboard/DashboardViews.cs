using Tributary.Host.Pipeline;
using Tributary.Host.Providers;

namespace Tributary.Host.Dashboard;

/// <summary>What <c>GET /v1/dashboard</c> answers: one poll of the dashboard.</summary>
/// <param name="At">When it was read.</param>
/// <param name="Providers">Each provider's live state and spending (as <c>GET /v1/providers</c>).</param>
/// <param name="Stats">Lookups, latencies, cache and HTTP counters since this gateway started.</param>
/// <param name="Pipeline">The pipeline's queue, tables, dead letters and last runs (as <c>GET /v1/pipeline</c>).</param>
/// <param name="Queues">Work waiting in the store's queues: the pipeline's staged records and the contact-center and CDP queues.</param>
/// <param name="Fill">Per provider, the share of its fresh answers that filled each field.</param>
/// <param name="Credits">Per provider, credits and billed calls on each of the last 30 UTC days, oldest first.</param>
internal sealed record DashboardView(
    DateTimeOffset At,
    IReadOnlyList<ProviderReport> Providers,
    DashboardStatsView Stats,
    PipelineStatus Pipeline,
    IReadOnlyList<QueueView> Queues,
    IReadOnlyList<ProviderFillView> Fill,
    IReadOnlyList<ProviderCreditsView> Credits);

/// <summary>One provider's fill rates since this gateway started.</summary>
/// <param name="Name">The provider.</param>
/// <param name="Answers">Fresh answers (matches and misses) the rates are out of.</param>
/// <param name="Fields">Per flat field, filled answers / answers, for the fields it filled at least once.</param>
internal sealed record ProviderFillView(string Name, long Answers, IReadOnlyDictionary<string, double> Fields);

/// <summary>One provider's spend per day, <see cref="DashboardEndpoints.CreditDays"/> days ending today.</summary>
internal sealed record ProviderCreditsView(string Name, IReadOnlyList<CreditDayView> Days);

/// <summary>One UTC day's billed calls and credits (zero on a day without spend).</summary>
internal sealed record CreditDayView(DateOnly Day, long Calls, decimal Cost);

/// <summary>The in-process counters.</summary>
/// <param name="Providers">Per provider: lookups, match rate, latency percentiles of the recent lookups, counts by status.</param>
/// <param name="Cache">Lookups answered from the cache or ledger against those that needed a call.</param>
/// <param name="Http">HTTP answers by status class (<c>2xx</c>, <c>4xx</c>, <c>5xx</c>), the dashboard's own polls left out.</param>
internal sealed record DashboardStatsView(IReadOnlyList<ProviderStatsView> Providers, CacheView Cache, IReadOnlyDictionary<string, long> Http);

/// <summary>One provider's counters.</summary>
internal sealed record ProviderStatsView(
    string Name, long Lookups, double MatchRate, double? P50Ms, double? P95Ms, double? P99Ms, IReadOnlyDictionary<string, long> Statuses);

/// <summary>Cache hits and misses.</summary>
internal sealed record CacheView(long Hits, long Misses, double HitRate);

/// <summary>One queue of the store and the records waiting in it (claimed or not).</summary>
internal sealed record QueueView(string Name, long Waiting);
