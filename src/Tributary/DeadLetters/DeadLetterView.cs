using Tributary.Storage;

namespace Tributary.Host.DeadLetters;

/// <summary>A dead letter as <c>GET /v1/dead-letters</c> and <c>tributary dlq list --json</c> show it (no payload: it may hold identifiers).</summary>
internal sealed record DeadLetterView(long Id, string Kind, string Source, string RecordId, string Reason, int Attempts, DateTimeOffset FailedAt)
{
    public static DeadLetterView Of(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var l = letter.Letter;
        return new(letter.Id, l.Kind, l.SourceSystem, l.RecordId, l.Reason, l.Attempts, l.FailedAt);
    }
}

/// <summary>The answer of a replay.</summary>
internal sealed record DeadLetterReplayed(long Id, bool Replayed);
