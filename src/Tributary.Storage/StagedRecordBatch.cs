namespace Tributary.Storage;

/// <summary>Shared rules for a batch of records to stage.</summary>
internal static class StagedRecordBatch
{
    /// <summary>The last record per source system and record id, in first-seen order: within one batch the latest payload wins.</summary>
    public static IReadOnlyList<StagedRecord> LastPerKey(IReadOnlyCollection<StagedRecord> records)
    {
        var latest = new Dictionary<(string, string), int>();
        var result = new List<StagedRecord>(records.Count);
        foreach (var record in records)
        {
            if (latest.TryGetValue((record.SourceSystem, record.RecordId), out var index))
            {
                result[index] = record;
            }
            else
            {
                latest[(record.SourceSystem, record.RecordId)] = result.Count;
                result.Add(record);
            }
        }

        return result;
    }
}
