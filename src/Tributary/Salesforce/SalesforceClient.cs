using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Host.Crm;
using Tributary.Host.Flat;

namespace Tributary.Host.Salesforce;

/// <summary>
/// Salesforce Contacts and Leads as the pipeline's CRM, through sObject Collections: a read per object type of the
/// ids asked (the type is the id's key prefix; ids of other objects are reported missing), and one update collection
/// for every record written, whatever its type (Salesforce takes mixed types in an update), 200 records a call
/// (with <c>AllOrNone</c>, a follow-up call for the records another record's failure rolled back).
/// Salesforce keeps no record of who set a field, so no value is marked as set by a person: protecting fields people
/// type is the pipeline's <c>Pipeline:WriteBack:Protected</c> list. Sessions, retries and the daily limit are
/// <see cref="SalesforceApi"/>'s.
/// </summary>
internal sealed class SalesforceClient : ICrmSystem
{
    public const string SystemName = "salesforce";
    public const int BatchLimit = 200;

    /// <summary>Read for every record whatever the mapping: what enrichment looks people up by.</summary>
    private static readonly string[] IdentityFields = ["Id", "Email", "Phone", "FirstName", "LastName"];

    private static readonly HashSet<string> NumericFlatFields = new(
        FlatFields.Standard.Where(static f => f.Type == FlatFieldType.Number).Select(static f => f.Name), StringComparer.OrdinalIgnoreCase);

    private readonly SalesforceApi _api;
    private readonly SalesforceDailyLimit _limit;
    private readonly ILogger<SalesforceClient> _logger;
    private readonly SalesforceOptions _options;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _mappings;
    private readonly HashSet<(string, string)> _numericFields;

    public bool IsConfigured => _options.HasClient;

    public SalesforceClient(SalesforceApi api, SalesforceDailyLimit limit, IOptions<SalesforceOptions> options, ILogger<SalesforceClient> logger)
    {
        _api = api;
        _limit = limit;
        _logger = logger;
        _options = options.Value;
        _mappings = SalesforceObjects.All.ToDictionary(static o => o, o => _options.Mapping(o), StringComparer.OrdinalIgnoreCase);
        _numericFields = [.. _mappings.SelectMany(static m => m.Value.Where(static f => NumericFlatFields.Contains(f.Key))
            .Select(f => (m.Key, f.Value.ToUpperInvariant())))];
    }

    public string Name => SystemName;

    public int MaxBatchSize => BatchLimit;

    public string? LastUsage => _limit.LastUsage;

    public IReadOnlyDictionary<string, string> FieldMapping(string objectType) =>
        _mappings.GetValueOrDefault(objectType) ?? new Dictionary<string, string>();

    public async Task<CrmReadResult> ReadAsync(IReadOnlyList<string> recordIds, CancellationToken cancellationToken)
    {
        CheckBatch(recordIds, nameof(recordIds));
        var ids = recordIds.Distinct(StringComparer.Ordinal).ToList();
        var records = new List<CrmRecord>();
        var missing = ids.Where(static id => SalesforceObjects.OfId(id) is null).ToList();
        foreach (var group in ids.GroupBy(SalesforceObjects.OfId).Where(static g => g.Key is not null))
        {
            var objectType = group.Key!;
            var typeIds = group.ToList();
            var mapping = FieldMapping(objectType);
            var fields = IdentityFields.Concat(objectType == SalesforceObjects.Lead ? ["Company"] : []).Concat(mapping.Values)
                .Distinct(StringComparer.OrdinalIgnoreCase);
            var path = $"{DataPath}/composite/sobjects/{objectType}?ids={string.Join(',', typeIds)}&fields={Uri.EscapeDataString(string.Join(',', fields))}";
            var (status, answer) = await _api.SendAsync(HttpMethod.Get, path, null, cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                throw Unavailable("bad_request", status, SalesforceAnswers.Error(answer)?.ErrorCode);
            }

            try
            {
                var (found, notFound) = SalesforceAnswers.Read(answer, objectType, typeIds, mapping);
                records.AddRange(found);
                missing.AddRange(notFound);
            }
            catch (JsonException exception)
            {
                throw Unavailable("malformed_response", status, null, exception);
            }
        }

        SalesforceLog.Read(_logger, ids.Count, records.Count, missing.Count);
        return new CrmReadResult(records, missing);
    }

    public async Task<IReadOnlyList<CrmWriteOutcome>> WriteAsync(IReadOnlyList<CrmUpdate> updates, CancellationToken cancellationToken)
    {
        CheckBatch(updates, nameof(updates));
        if (updates.Count == 0)
        {
            return [];
        }

        // Salesforce refuses an id twice in one collection: the fields of repeated records are merged, later ones winning.
        var merged = updates.GroupBy(static u => u.Id, StringComparer.Ordinal)
            .Select(static g => new CrmUpdate(g.Key, SalesforceObjects.Canonical(g.First().ObjectType) ?? SalesforceObjects.OfId(g.Key) ?? g.First().ObjectType,
                g.SelectMany(static u => u.Fields).GroupBy(static f => f.Key, StringComparer.Ordinal).ToDictionary(static f => f.Key, static f => f.Last().Value, StringComparer.Ordinal)))
            .ToList();
        var byId = new Dictionary<string, CrmWriteOutcome>(StringComparer.Ordinal);
        foreach (var update in merged.Where(static u => SalesforceObjects.Canonical(u.ObjectType) is null || SalesforceObjects.OfId(u.Id) is null))
        {
            // Not a Contact or Lead id: Salesforce could only refuse it, and it could spoil an all-or-none call.
            byId[update.Id] = SalesforceAnswers.Failed(update.Id, "INVALID_ID") with { Retryable = false };
        }

        // All-or-none: a record that failed for a reason of its own rolls back the rest of its call. Those did not
        // fail, so they go again at once without it, and only the bad record is left to retry. Every round drops at
        // least one record, so this ends; a call rolled back with no record to blame is reported as Salesforce said.
        var sent = merged.Where(u => !byId.ContainsKey(u.Id)).ToList();
        while (sent.Count > 0)
        {
            var body = SalesforceRequestBodies.Update(sent, _options.AllOrNone, (objectType, field) => _numericFields.Contains((objectType, field.ToUpperInvariant())));
            var (status, answer) = await _api.SendAsync(HttpMethod.Patch, DataPath + "/composite/sobjects", body, cancellationToken);
            var answered = Outcomes(status, answer, sent);
            foreach (var outcome in answered)
            {
                byId[outcome.Id] = outcome;
            }

            var rolledBack = answered.Where(static o => o.Error == SalesforceAnswers.RolledBack).Select(static o => o.Id).ToHashSet(StringComparer.Ordinal);
            var failedOnTheirOwn = answered.Count(static o => !o.Success && o.Error != SalesforceAnswers.RolledBack);
            if (rolledBack.Count == 0 || failedOnTheirOwn == 0)
            {
                break;
            }

            SalesforceLog.SendingRolledBackAgain(_logger, rolledBack.Count, failedOnTheirOwn);
            sent = [.. sent.Where(u => rolledBack.Contains(u.Id))];
        }

        IReadOnlyList<CrmWriteOutcome> outcomes = [.. updates.Select(u => byId[u.Id])];
        SalesforceLog.Wrote(_logger, updates.Count, outcomes.Count(static o => !o.Success));
        return outcomes;
    }

    private string DataPath => $"services/data/v{_options.ApiVersion}";

    private static void CheckBatch<T>(IReadOnlyList<T> batch, string name)
    {
        ArgumentNullException.ThrowIfNull(batch, name);
        if (batch.Count > BatchLimit)
        {
            throw new ArgumentException($"Salesforce takes at most {BatchLimit} records a call; {batch.Count} were given.", name);
        }
    }

    private List<CrmWriteOutcome> Outcomes(HttpStatusCode status, byte[] answer, List<CrmUpdate> sent)
    {
        if (status != HttpStatusCode.OK)
        {
            // A 400 refuses the whole collection (malformed JSON, too many records): sending it again cannot succeed.
            var code = SalesforceAnswers.Error(answer)?.ErrorCode ?? $"HTTP_{(int)status}";
            return [.. sent.Select(u => SalesforceAnswers.Failed(u.Id, code) with { Retryable = false })];
        }

        try
        {
            return SalesforceAnswers.Write(answer, [.. sent.Select(static u => u.Id)]);
        }
        catch (JsonException exception)
        {
            throw Unavailable("malformed_response", status, null, exception);
        }
    }

    private CrmUnavailableException Unavailable(string reason, HttpStatusCode status, string? errorCode, Exception? inner = null)
    {
        SalesforceLog.Unavailable(_logger, reason, (int)status, errorCode);
        return new CrmUnavailableException(SystemName, reason, null, inner);
    }
}
