namespace Tributary.Storage;

/// <summary>The result of one record.</summary>
/// <param name="Index">Position in the submission, from 0.</param>
/// <param name="Outcome">What happened, counted in the job's totals.</param>
/// <param name="Line">The result as one line of JSON (no line break), served as is by the results endpoint.</param>
public readonly record struct JobRecordResult(int Index, RecordOutcome Outcome, string Line);
