using System.Text.Json.Serialization;
using Tributary.Host.Flat;

namespace Tributary.Host.Jobs;

/// <summary>
/// The envelope form of a <c>POST /v1/jobs</c> body: the records, and how to enrich them and where to call back.
/// Member names match in any case.
/// </summary>
internal sealed record JobEnvelope
{
    // The OpenAPI document's view of the body only: JobSubmissionReader reads every form of it itself.

    /// <summary>
    /// The records, each with the identifiers of <c>/v1/enrich</c> and optionally the caller's own <c>id</c> and
    /// <c>externalId</c> (a string or number), echoed in its result line.
    /// </summary>
    public required IReadOnlyList<EnrichRequestBody> Records { get; init; }

    /// <summary>Where the job's status is POSTed, signed, once it is done: an absolute http(s) URL.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary><c>parallel</c> or <c>waterfall</c>; default <c>Enrichment:Mode</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Provider subset in order of precedence: a JSON array or a comma-separated string; default every enabled provider.</summary>
    [JsonConverter(typeof(StringListJsonConverter))]
    public IReadOnlyList<string>? Providers { get; init; }
}
