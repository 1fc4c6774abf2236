using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Caching;
using Tributary.Credits;
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
public sealed class EnrichmentEngine(
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
    private static readonly FieldDefinition[] DefaultWaterfallFields = [ProfileFields.FullName, ProfileFields.JobTitle, ProfileFields.CompanyName];

    private readonly EnrichmentOptions _options = options.Value;

    public async Task<EnrichmentResult> EnrichAsync(EnrichmentRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var providers = catalog.Resolve(request.Providers);
        var budget = request.IsBatch
            ? CallBudget.Batch
            : CallBudget.RealTime(time.GetUtcNow(), request.Timeout ?? TimeSpan.FromMilliseconds(_options.TimeoutMs));
        var query = new EnrichmentQuery(request.Identifiers, request.Kind, budget, RequestedFields(request));
        var subject = keys.SubjectHash(query);
        var waterfall = (request.Mode ?? _options.Mode) == EnrichmentMode.Waterfall;
        if (waterfall && _options.WaterfallOrder == WaterfallOrder.Value && request.Providers is not { Count: > 0 })
        {
            providers = ByValue(providers, query.RequestedFields);
        }

        ProviderOutcome[] outcomes;
        if (await suppression.IsSuppressedAsync(request.Identifiers, cancellationToken))
        {
            // Checked before anything else: a suppressed subject is never sent to a provider, paid or not.
            outcomes = providers.Select(p => ProviderOutcome.Skipped(p.Entry.Name, "subject is suppressed")).ToArray();
        }
        else
        {
            outcomes = waterfall
                ? await WaterfallAsync(providers, query, subject, cancellationToken)
                : await Task.WhenAll(providers.Select(p => AskAsync(p.Entry, query, subject, cancellationToken)));
        }

        var contributions = new List<RankedProfile>(outcomes.Length);
        double confidence = 0;
        var partial = false;
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i];
            metrics.RecordOutcome(outcome, query.Kind);
            partial |= outcome.Status.IsFailure();
            if (!outcome.Profile.IsEmpty)
            {
                contributions.Add(new RankedProfile(providers[i].Rank, outcome.Profile));
                confidence = Math.Max(confidence, outcome.Confidence);
            }
        }

        var result = new EnrichmentResult(merger.Merge(contributions), outcomes, confidence, partial, time.GetElapsedTime(started));
        metrics.RecordResult(result);
        if (logger.IsEnabled(LogLevel.Information))
        {
            EngineLog.Enriched(logger, subject, query.Kind.ToString(), (long)result.Elapsed.TotalMilliseconds, Summarise(outcomes));
        }

        return result;
    }

    /// <summary><c>clearbit:matched:212ms;zoominfo:timeout:500ms</c></summary>
    public static string Summarise(IReadOnlyList<ProviderOutcome> outcomes) =>
        string.Join(';', outcomes.Select(o => $"{o.Provider}:{o.Status.ToWire()}:{(long)o.Latency.TotalMilliseconds}ms"));

    private async Task<ProviderOutcome[]> WaterfallAsync(
        IReadOnlyList<(ProviderEntry Entry, int Rank)> providers, EnrichmentQuery query, string subject, CancellationToken cancellationToken)
    {
        var outcomes = new ProviderOutcome[providers.Count];
        var filled = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < providers.Count; i++)
        {
            var name = providers[i].Entry.Name;
            if (query.RequestedFields.All(f => filled.Contains(f.Name)))
            {
                outcomes[i] = ProviderOutcome.Skipped(name, "requested fields already filled");
                continue;
            }

            if (query.Budget.IsRealTime && query.Budget.Remaining(time.GetUtcNow()) <= TimeSpan.Zero)
            {
                outcomes[i] = new ProviderOutcome(name, ProviderStatus.Timeout, TimeSpan.Zero, Profile.Empty, 0, Detail: "request budget spent before this provider's turn");
                continue;
            }

            outcomes[i] = await AskAsync(providers[i].Entry, query, subject, cancellationToken);
            foreach (var field in outcomes[i].Profile.Definitions)
            {
                filled.Add(field.Name);
            }
        }

        return outcomes;
    }

    private async Task<ProviderOutcome> AskAsync(ProviderEntry entry, EnrichmentQuery query, string subject, CancellationToken cancellationToken)
    {
        var name = entry.Name;
        if (!entry.Runtime.IsEnabled)
        {
            return ProviderOutcome.Skipped(name, "disabled");
        }

        if (!entry.Provider.CanLookup(query))
        {
            return ProviderOutcome.Skipped(name, "no identifier this provider can look up");
        }

        var started = time.GetTimestamp();
        var key = LookupKeys.For(name, query.Kind, subject);
        var pending = cache.GetOrFetchAsync(key, name, token => CallProviderAsync(entry, query, subject, token));
        try
        {
            var entryFound = query.Budget.IsRealTime
                ? await pending.WaitAsync(query.Budget.Remaining(time.GetUtcNow()), time, cancellationToken)
                : await pending.WaitAsync(cancellationToken);
            var fromCache = entryFound.Origin != EntryOrigin.Provider;
            metrics.RecordCache(name, fromCache);
            return new ProviderOutcome(
                name,
                fromCache ? ProviderStatus.Cached : entryFound.Status,
                time.GetElapsedTime(started),
                entryFound.Profile,
                entryFound.Confidence,
                entryFound.Stale,
                entryFound.Detail);
        }
        catch (TimeoutException)
        {
            // The provider call goes on and is cached when it lands; this request serves what the ledger has.
            _ = pending.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            var stale = await cache.FindStoredAsync(key, cancellationToken);
            return new ProviderOutcome(
                name, ProviderStatus.Timeout, time.GetElapsedTime(started), stale?.Profile ?? Profile.Empty, stale?.Confidence ?? 0, stale is not null, "request budget reached");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            EngineLog.ProviderCrashed(logger, name, subject, ex.GetType().Name);
            return new ProviderOutcome(name, ProviderStatus.ServerError, time.GetElapsedTime(started), Profile.Empty, 0, Detail: "internal error");
        }
    }

    /// <summary>
    /// The paid call, made once per cache miss whoever is waiting for it: budget checks before, and after it the
    /// bookkeeping every answer needs (credits, suppression, exhausted accounts, what the provider fills).
    /// </summary>
    private async Task<ProviderResult> CallProviderAsync(ProviderEntry entry, EnrichmentQuery query, string subject, CancellationToken cancellationToken)
    {
        var runtime = entry.Runtime;
        if (runtime.IsExhaustedAt(time.GetUtcNow()) || await credits.IsOverBudgetAsync(runtime, cancellationToken))
        {
            return ProviderResult.Failed(ProviderStatus.BudgetExhausted, "credits spent until " + (runtime.ExhaustedUntil?.ToString("u") ?? "tomorrow (daily budget)"));
        }

        var started = time.GetTimestamp();
        ProviderResult result;
        try
        {
            result = await entry.Provider.LookupAsync(query, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            EngineLog.ProviderCrashed(logger, entry.Name, subject, ex.GetType().Name);
            result = ProviderResult.Failed(ProviderStatus.ServerError, "connector error");
        }

        EngineLog.ProviderAnswered(logger, entry.Name, result.Status.ToWire(), subject, (long)time.GetElapsedTime(started).TotalMilliseconds);
        if (result.Billed)
        {
            await credits.ChargeAsync(runtime, CancellationToken.None);
        }

        if (result.ExhaustedUntil is { } until)
        {
            runtime.MarkExhausted(until);
        }

        if (result.SuppressSubject)
        {
            EngineLog.Suppressed(logger, subject, entry.Name);
            await suppression.SuppressAsync(query.Identifiers, $"opted out at {entry.Name}", CancellationToken.None);
        }

        if (result.Status.IsDefinitive())
        {
            valueStats.Record(entry.Name, result.Profile);
        }

        return result;
    }

    private (ProviderEntry Entry, int Rank)[] ByValue(IReadOnlyList<(ProviderEntry Entry, int Rank)> providers, IReadOnlyList<FieldDefinition> fields) =>
        providers
            .OrderByDescending(p => valueStats.Value(p.Entry.Name, fields, p.Entry.Runtime.Options.CostPerCall))
            .ThenBy(p => p.Rank)
            .ThenBy(p => p.Entry.Name, StringComparer.Ordinal)
            .ToArray();

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
