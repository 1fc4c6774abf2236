using System.Text.Json;

namespace Tributary.Simulators.Clearbit;

/// <summary>
/// What one lookup finds, before any fault: the record's writer (null when Clearbit knows nothing) and its webhook
/// <c>type</c>. The lookup's 200 and the webhook of a queued lookup carry the same record.
/// </summary>
internal sealed record ClearbitAnswer(string Type, Action<Utf8JsonWriter>? Write)
{
    public bool Found => Write is not null;
}
