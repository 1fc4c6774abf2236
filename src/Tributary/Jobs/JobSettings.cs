using System.Text.Json.Serialization;

namespace Tributary.Host.Jobs;

/// <summary>How a job's records are enriched, kept with the job (the store's <c>options</c> column) so a resumed job runs the same way.</summary>
internal sealed record JobSettings
{
    /// <summary><c>parallel</c> or <c>waterfall</c>; null uses <c>Enrichment:Mode</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Provider subset in order of precedence; null uses every enabled provider.</summary>
    [JsonConverter(typeof(Flat.StringListJsonConverter))]
    public IReadOnlyList<string>? Providers { get; init; }
}
