using System.Globalization;

namespace Tributary.Simulators.Salesforce;

/// <summary>
/// The org's Contacts and Leads, thread-safe: one lock around every read and update collection, so a collection is
/// validated, applied (or rolled back) and answered as one step. Records are keyed by their 18-character id.
/// </summary>
internal sealed class SalesforceOrg(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, string?>> _records = new(StringComparer.Ordinal);
    private readonly List<SalesforceWrite> _writes = [];
    private readonly Dictionary<string, long> _lastNumber = new(StringComparer.Ordinal);

    public IReadOnlyList<SalesforceWrite> Writes
    {
        get
        {
            lock (_lock)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Adds (or replaces) a record; a null id takes the next free one. Returns the 18-character id.</summary>
    public string Add(SalesforceSchema schema, string? id, IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var now = Timestamp(time.GetUtcNow());
        lock (_lock)
        {
            var key = id is null ? NextId(schema) : SalesforceIds.Normalize(id);
            if (key is null || SalesforceSchema.OfId(key) != schema)
            {
                throw new ArgumentException($"'{id}' is not a well-formed {schema.Name} id (15 or 18 characters starting {schema.KeyPrefix}).", nameof(id));
            }

            var record = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Id"] = key, ["CreatedDate"] = now, ["LastModifiedDate"] = now };
            foreach (var (field, value) in fields)
            {
                var canonical = schema.Canonical(field);
                if (canonical is null || !schema.Writable.Contains(canonical))
                {
                    throw new ArgumentException($"'{field}' is not a {schema.Name} field the simulator models.", nameof(fields));
                }

                record[canonical] = string.IsNullOrEmpty(value) ? null : value;
            }

            _records[key] = record;
            return key;
        }
    }

    public SalesforceRecordSnapshot? Get(string id)
    {
        var key = SalesforceIds.Normalize(id);
        lock (_lock)
        {
            return key is not null && _records.TryGetValue(key, out var record)
                ? new SalesforceRecordSnapshot(SalesforceSchema.OfId(key)!.Name, key, new Dictionary<string, string?>(record, StringComparer.Ordinal))
                : null;
        }
    }

    /// <summary>The requested fields of each id, in order; null for ids of another object or that do not exist.</summary>
    public IReadOnlyList<IReadOnlyList<KeyValuePair<string, string?>>?> Read(SalesforceSchema schema, IReadOnlyList<string> ids, IReadOnlyList<string> fields)
    {
        lock (_lock)
        {
            return [.. ids.Select(id =>
            {
                var key = SalesforceIds.Normalize(id);
                return key is not null && SalesforceSchema.OfId(key) == schema && _records.TryGetValue(key, out var record)
                    ? fields.Select(f => KeyValuePair.Create(f, record.GetValueOrDefault(f))).ToList()
                    : null;
            })];
        }
    }

    /// <summary>
    /// Applies an update collection. Each record is validated on its own; with <paramref name="allOrNone"/> one failure
    /// leaves every record unchanged and the valid ones report <c>ALL_OR_NONE_OPERATION_ROLLED_BACK</c>.
    /// </summary>
    public IReadOnlyList<SalesforceSaveResult> Update(IReadOnlyList<SalesforceRecordChange> changes, bool allOrNone, SalesforceFaultSettings faults)
    {
        var now = Timestamp(time.GetUtcNow());
        lock (_lock)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var checkedChanges = changes.Select(change => Check(change, seen, faults)).ToList();
            var rollback = allOrNone && checkedChanges.Any(static c => c.Result.Errors.Count > 0);
            var results = new List<SalesforceSaveResult>(changes.Count);
            for (var i = 0; i < changes.Count; i++)
            {
                var (result, key, values) = checkedChanges[i];
                var apply = !rollback && result.Success;
                if (apply)
                {
                    var record = _records[key!];
                    foreach (var (field, value) in values!)
                    {
                        record[field] = value;
                    }

                    record["LastModifiedDate"] = now;
                }

                _writes.Add(new SalesforceWrite(changes[i].Id, changes[i].ObjectType,
                    changes[i].Fields.GroupBy(static f => f.Key).ToDictionary(static g => g.Key, static g => g.Last().Value, StringComparer.Ordinal), apply));
                results.Add(rollback && result.Success
                    ? result with
                    {
                        Errors = [SalesforceSaveError.Of("ALL_OR_NONE_OPERATION_ROLLED_BACK",
                            "Record rolled back because not all records were valid and the request was using AllOrNone header")],
                    }
                    : result);
            }

            return results;
        }
    }

    /// <summary>The next id of <paramref name="schema"/>'s own sequence (Contacts and Leads are numbered apart). Under the lock.</summary>
    private string NextId(SalesforceSchema schema)
    {
        var number = _lastNumber.GetValueOrDefault(schema.KeyPrefix) + 1;
        _lastNumber[schema.KeyPrefix] = number;
        return SalesforceIds.Create(schema.KeyPrefix, number);
    }

    private (SalesforceSaveResult Result, string? Key, List<KeyValuePair<string, string?>>? Values) Check(
        SalesforceRecordChange change, HashSet<string> seen, SalesforceFaultSettings faults)
    {
        var schema = SalesforceSchema.Find(change.ObjectType);
        if (schema is null)
        {
            return Failed(change.Id, "INVALID_TYPE", $"sObject type '{change.ObjectType}' is not supported.");
        }

        if (string.IsNullOrEmpty(change.Id))
        {
            return Failed(null, "MISSING_ARGUMENT", "Id not specified in an update call");
        }

        var key = SalesforceIds.Normalize(change.Id);
        if (key is null || SalesforceSchema.OfId(key) != schema)
        {
            return Failed(change.Id, "MALFORMED_ID", $"{schema.Name} ID: id value of incorrect type: {change.Id}", "Id");
        }

        if (!seen.Add(key))
        {
            return Failed(key, "DUPLICATE_VALUE", $"Duplicate id in list: {key}");
        }

        if (!_records.ContainsKey(key))
        {
            return Failed(key, "ENTITY_IS_DELETED", "entity is deleted");
        }

        if (faults.Fails(key))
        {
            return Failed(key, faults.FailIdsStatusCode, "Simulated failure of this record (failIds fault).");
        }

        var values = new List<KeyValuePair<string, string?>>();
        foreach (var (field, value) in change.Fields)
        {
            var canonical = schema.Canonical(field);
            if (canonical is null)
            {
                return Failed(key, "INVALID_FIELD", $"No such column '{field}' on sobject of type {schema.Name}", field);
            }

            if (!schema.Writable.Contains(canonical))
            {
                return Failed(key, "INVALID_FIELD_FOR_INSERT_UPDATE", $"Unable to create/update fields: {canonical}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.", canonical);
            }

            var text = string.IsNullOrEmpty(value) ? null : value;
            if (text is not null && schema.Integers.Contains(canonical) && !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return Failed(key, "INVALID_TYPE_ON_FIELD_IN_RECORD", $"{canonical}: value not of required type: {text}", canonical);
            }

            values.Add(KeyValuePair.Create(canonical, text));
        }

        var missing = schema.Required.Where(f => values.Any(v => v.Key == f && v.Value is null)).ToArray();
        if (missing.Length > 0)
        {
            return Failed(key, "REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]", missing);
        }

        return (new SalesforceSaveResult(key, []), key, values);
    }

    private static (SalesforceSaveResult, string?, List<KeyValuePair<string, string?>>?) Failed(string? id, string statusCode, string message, params string[] fields) =>
        (new SalesforceSaveResult(id, [SalesforceSaveError.Of(statusCode, message, fields)]), null, null);

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
