using Tributary.Host.Batch.Input;
using Tributary.Host.Contracts;
using Tributary.Storage;

namespace Tributary.Host.Batch;

/// <summary>
/// One input row with what enrichment made of it. <see cref="Flat"/> is the <c>/v1/enrich</c> answer (null for a
/// rejected row); <see cref="Reason"/> says why a row was rejected or failed.
/// </summary>
internal sealed record RowResult(long Sequence, InputRow Row, RecordOutcome Outcome, FlatEnrichResponse? Flat, string? Reason);
