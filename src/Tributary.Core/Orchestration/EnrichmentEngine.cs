using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Caching;
using Tributary.Credits;
using Tributary.Deadlines;
using Tributary.Diagnostics;
using Tributary.Enrichment;
using Tributary.Merging;
using Tributary.Privacy;
using Tributary.Profiles;
using Tributary.Providers;

namespace Tributary.Orchestration;

/// <summary>
/// Asks providers for one subject, in parallel under one deadline or as a waterfall, through the cache, and
/// merges what they said. Provider failures become statuses; the engine itself only throws for bad requests
/// (an unknown provider).
/// </summary>
public sealed partial class EnrichmentEngine(
    ProviderCatalog catalog,
    LookupCache cache,
    LookupKeys keys,
    ProfileMerger merger,
    SuppressionList suppression,
    CreditMeter credits,
    ProviderValueStats valueStats,
    EnrichmentMetrics metrics,
    IOptions<EnrichmentOptions> options,
    TimeProvider time,
    ILogger<EnrichmentEngine> logger)
{
    /// <summary>Why a provider timed out when the request's budget, not the provider's own timeout, ended its wait.</summary>
    private const string BudgetReachedDetail = "request budget reached";
    private const string WaterfallMovedOnDetail = "no answer within one attempt; the waterfall moved on";

    /// <summary>Beyond a provider's attempt timeout, what a waterfall allows for the rate gate and the answer's bookkeeping.</summary>
    private static readonly TimeSpan WaterfallSlack = TimeSpan.FromMilliseconds(50);

    private static readonly FieldDefinition[] DefaultWaterfallFields = [ProfileFields.FullName, ProfileFields.JobTitle, ProfileFields.CompanyName];

    private readonly EnrichmentOptions _options = options.Value;
    private ProviderAnswerBookkeeping? _bookkeeping;

    // Built on first use rather than in an initializer, which would copy the captured parameters (CS9124); it holds
    // no state of its own, so two threads building one each is harmless.
    private ProviderAnswerBookkeeping Bookkeeping => _bookkeeping ??= new(credits, suppression, valueStats, time, logger);

    public async Task<EnrichmentResult> EnrichAsync(EnrichmentRequest request, CancellationToken cancellationToken)
    {
        var result = await EnrichOneAsync(request, cancellationToken);
        if (request.IsBatch)
        {
            // Batch work hands its row on only once what it paid for is durable (see EnrichManyAsync).
            await cache.FlushAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>One subject, without waiting for the ledger: <see cref="EnrichManyAsync"/> flushes once for its whole batch.</summary>
    private async Task<EnrichmentResult> EnrichOneAsync(EnrichmentRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var providers = catalog.Resolve(request.Providers);
        var budget = request.IsBatch
            ? CallBudget.Batch
            : CallBudget.RealTime(time.GetUtcNow(), request.Timeout ?? TimeSpan.FromMilliseconds(_options.TimeoutMs));
        var query = new EnrichmentQuery(request.Identifiers, request.Kind, budget, RequestedFields(request));
        var subject = keys.SubjectHash(query);
        var waterfall = IsWaterfall(request);
        if (waterfall && _options.WaterfallOrder == WaterfallOrder.Value && request.Providers is not { Count: > 0 })
        {
            providers = ByValue(providers, query.RequestedFields);
        }

        ProviderOutcome[] outcomes;
        if (await suppression.IsSuppressedAsync(request.Identifiers, cancellationToken))
        {
            outcomes = SuppressedOutcomes(providers);
        }
        else
        {
            outcomes = waterfall
                ? await WaterfallAsync(providers, query, subject, cancellationToken)
                : await Task.WhenAll(providers.Select(p => AskAsync(p.Entry, query, subject, cancellationToken)));
        }

        return Merge(providers, outcomes, query, subject, started);
    }

    /// <summary><c>clearbit:matched:212ms;zoominfo:timeout:500ms</c></summary>
    public static string Summarise(IReadOnlyList<ProviderOutcome> outcomes) =>
        string.Join(';', outcomes.Select(o => $"{o.Provider}:{o.Status.ToWire()}:{(long)o.Latency.TotalMilliseconds}ms"));

    // Checked before anything else: a suppressed subject is never sent to a provider, paid or not.
    private static ProviderOutcome[] SuppressedOutcomes(IReadOnlyList<(ProviderEntry Entry, int Rank)> providers) =>
        providers.Select(p => ProviderOutcome.Skipped(p.Entry.Name, "subject is suppressed")).ToArray();

    /// <summary>One subject's outcomes, one per provider in <paramref name="providers"/>' order, merged into its result.</summary>
    private EnrichmentResult Merge(
        IReadOnlyList<(ProviderEntry Entry, int Rank)> providers, ProviderOutcome[] outcomes, EnrichmentQuery query, string subject, long started)
    {
        // The subject's span is current while its provider spans and its log line are written.
        using var span = metrics.StartSubject(query.Kind, time.GetElapsedTime(started));
        var contributions = new List<RankedProfile>(outcomes.Length);
        double confidence = 0;
        var partial = false;
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i];
            metrics.RecordOutcome(outcome, query.Kind);
            partial |= outcome.Status.IsFailure() || outcome.Unreached;
            if (!outcome.Profile.IsEmpty)
            {
                contributions.Add(new RankedProfile(providers[i].Rank, outcome.Profile));
                confidence = Math.Max(confidence, outcome.Confidence);
            }
        }

        var result = new EnrichmentResult(merger.Merge(contributions), outcomes, confidence, partial, time.GetElapsedTime(started));
        metrics.RecordResult(result);
        EnrichmentMetrics.Describe(span, result);
        if (logger.IsEnabled(LogLevel.Information))
        {
            EngineLog.Enriched(logger, subject, query.Kind.ToString(), (long)result.Elapsed.TotalMilliseconds, Summarise(outcomes));
        }

        return result;
    }

    private async Task<ProviderOutcome[]> WaterfallAsync(
        IReadOnlyList<(ProviderEntry Entry, int Rank)> providers, EnrichmentQuery query, string subject, CancellationToken cancellationToken)
    {
        var outcomes = new ProviderOutcome[providers.Count];
        var filled = new HashSet<string>(StringComparer.Ordinal);
        var budgetReached = false;
        for (var i = 0; i < providers.Count; i++)
        {
            var name = providers[i].Entry.Name;
            if (query.RequestedFields.All(f => filled.Contains(f.Name)))
            {
                outcomes[i] = ProviderOutcome.Skipped(name, "requested fields already filled");
                continue;
            }

            if (query.Budget.IsRealTime && (budgetReached || query.Budget.Remaining(time.GetUtcNow()) <= TimeSpan.Zero))
            {
                outcomes[i] = ProviderOutcome.NotReached(name);
                continue;
            }

            // A provider that has not answered within one attempt's timeout is left to finish (and be cached) on its
            // own while the next is asked: its retries would otherwise spend the time the rest of the waterfall needs.
            var patience = query.Budget.IsRealTime && i < providers.Count - 1
                ? TimeSpan.FromMilliseconds(providers[i].Entry.Runtime.Options.TimeoutMs) + WaterfallSlack
                : (TimeSpan?)null;
            outcomes[i] = await AskAsync(providers[i].Entry, query, subject, cancellationToken, patience);

            // A wait the budget cut short means the budget is spent, though the clock may still read a millisecond or
            // two before the deadline: timers count whole milliseconds.
            budgetReached = outcomes[i] is { Status: ProviderStatus.Timeout, Detail: BudgetReachedDetail };
            foreach (var field in outcomes[i].Profile.Definitions)
            {
                filled.Add(field.Name);
            }
        }

        return outcomes;
    }

    /// <summary>One provider's outcome for the subject; <paramref name="patience"/>, when shorter than the budget left, is how long a waterfall waits before moving on.</summary>
    private async Task<ProviderOutcome> AskAsync(
        ProviderEntry entry, EnrichmentQuery query, string subject, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        var name = entry.Name;
        if (SkipReason(entry, query) is { } reason)
        {
            return ProviderOutcome.Skipped(name, reason);
        }

        var started = time.GetTimestamp();
        var key = keys.For(entry, query, subject);

        // The call is shared by everyone asking for the same key meanwhile, so it runs under a budget of its own: a
        // caller with a 10 ms deadline must not make it give up on tokens or retries for the others.
        var shared = query with { Budget = query.Budget.AtLeast(TimeSpan.FromMilliseconds(_options.TimeoutMs), time.GetUtcNow()), LookupKey = key };
        var pending = cache.GetOrFetchAsync(key, name, token => CallProviderAsync(entry, shared, subject, token), batch: !query.Budget.IsRealTime);
        var movingOn = false;
        try
        {
            var remaining = query.Budget.Remaining(time.GetUtcNow());
            movingOn = patience < remaining;
            var entryFound = query.Budget.IsRealTime
                ? await pending.WaitAsync(movingOn ? patience!.Value : remaining, time, cancellationToken)
                : await pending.WaitAsync(cancellationToken);
            return Outcome(name, entryFound, started);
        }
        catch (TimeoutException)
        {
            // The provider call goes on and is cached when it lands; this request serves what the ledger has.
            _ = pending.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            var stale = await cache.FindStoredAsync(key, cancellationToken);
            return new ProviderOutcome(
                name, ProviderStatus.Timeout, time.GetElapsedTime(started), stale?.Profile ?? Profile.Empty, stale?.Confidence ?? 0, stale is not null,
                movingOn ? WaterfallMovedOnDetail : BudgetReachedDetail);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EngineLog.ProviderCrashed(logger, name, subject, ex.GetType().Name);
            return new ProviderOutcome(name, ProviderStatus.ServerError, time.GetElapsedTime(started), Profile.Empty, 0, Detail: "internal error");
        }
    }

    private static string? SkipReason(ProviderEntry entry, EnrichmentQuery query) =>
        !entry.Runtime.IsEnabled ? "disabled"
        : !entry.Provider.CanLookup(query) ? "no identifier this provider can look up"
        : null;

    /// <summary>What one subject gets from a cache entry: <c>cached</c> unless a provider call made for it produced the entry.</summary>
    private ProviderOutcome Outcome(string provider, CacheEntry entry, long started)
    {
        var fromCache = entry.Origin != EntryOrigin.Provider;
        metrics.RecordCache(provider, fromCache);
        return new ProviderOutcome(
            provider,
            fromCache ? ProviderStatus.Cached : entry.Status,
            time.GetElapsedTime(started),
            entry.Profile,
            entry.Confidence,
            entry.Stale,
            entry.Detail);
    }

    /// <summary>The paid call, made once per cache miss whoever is waiting for it, with the bookkeeping every answer needs.</summary>
    private async Task<ProviderResult> CallProviderAsync(ProviderEntry entry, EnrichmentQuery query, string subject, CancellationToken cancellationToken)
    {
        if (await Bookkeeping.ReserveAsync(entry.Runtime, 1, cancellationToken) == 0)
        {
            return ProviderAnswerBookkeeping.Refusal(entry.Runtime);
        }

        try
        {
            var started = time.GetTimestamp();
            ProviderResult result;
            try
            {
                result = await entry.Provider.LookupAsync(query, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = Bookkeeping.Crashed(entry.Name, subject, ex);
            }

            await Bookkeeping.RecordAsync(entry, query, subject, result, started);
            return result;
        }
        finally
        {
            Bookkeeping.Release(entry.Runtime, 1);
        }
    }

    private (ProviderEntry Entry, int Rank)[] ByValue(IReadOnlyList<(ProviderEntry Entry, int Rank)> providers, IReadOnlyList<FieldDefinition> fields) =>
        providers
            .OrderByDescending(p => valueStats.Value(p.Entry.Name, fields, p.Entry.Runtime.Options.CostPerCall))
            .ThenBy(p => p.Rank)
            .ThenBy(p => p.Entry.Name, StringComparer.Ordinal)
            .ToArray();

    private bool IsWaterfall(EnrichmentRequest request) => (request.Mode ?? _options.Mode) == EnrichmentMode.Waterfall;

    private IReadOnlyList<FieldDefinition> RequestedFields(EnrichmentRequest request)
    {
        if (request.RequestedFields.Count > 0)
        {
            return request.RequestedFields;
        }

        return _options.WaterfallFields.Count == 0
            ? DefaultWaterfallFields
            : _options.WaterfallFields.Select(name => ProfileFields.Custom(name)).ToArray();
    }
}
