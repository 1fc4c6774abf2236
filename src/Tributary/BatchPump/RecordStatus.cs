using Tributary.Storage;

namespace Tributary.Host.BatchPump;

/// <summary>A record's outcome as files and job results name it (the store's lower-case names), without allocating.</summary>
internal static class RecordStatus
{
    public static string Of(RecordOutcome outcome) => outcome switch
    {
        RecordOutcome.Matched => "matched",
        RecordOutcome.Unmatched => "unmatched",
        RecordOutcome.Rejected => "rejected",
        _ => "failed",
    };
}
