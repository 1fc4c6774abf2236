using System.Text.Json;

namespace Tributary.Host.Segment;

/// <summary>
/// The outcome of a Profile API read. <see cref="Traits"/> holds each trait as Segment sent it (string, number, bool,
/// object, array); use <see cref="Text"/> for a string view.
/// </summary>
/// <param name="Status">What the read came to.</param>
/// <param name="Traits">The traits when <see cref="SegmentTraitsStatus.Found"/>, else empty.</param>
/// <param name="HasMore">Segment has more traits than one page of 200 holds (the rest were not read).</param>
/// <param name="HttpStatus">Segment's last answer, when there was one.</param>
/// <param name="ErrorCode">Segment's <c>error.code</c> (<c>rate_limit_error</c>, <c>authentication_error</c>, …), when it sent one.</param>
/// <param name="Detail">Why the read failed.</param>
internal sealed record SegmentTraitsResult(
    SegmentTraitsStatus Status,
    IReadOnlyDictionary<string, JsonElement> Traits,
    bool HasMore = false,
    int? HttpStatus = null,
    string? ErrorCode = null,
    string? Detail = null)
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoTraits = new Dictionary<string, JsonElement>();

    public bool Found => Status == SegmentTraitsStatus.Found;

    public static SegmentTraitsResult Unknown(int status, string? code) => new(SegmentTraitsStatus.UnknownUser, NoTraits, HttpStatus: status, ErrorCode: code);

    public static SegmentTraitsResult Failure(int? status, string? code, string detail) => new(SegmentTraitsStatus.Failed, NoTraits, false, status, code, detail);

    public static SegmentTraitsResult Open() => new(SegmentTraitsStatus.CircuitOpen, NoTraits, Detail: "The Segment Profile API circuit is open.");

    /// <summary>A trait as text: strings as they are, numbers and booleans as JSON writes them, objects and arrays as JSON; null when absent or null.</summary>
    public string? Text(string trait) => Traits.TryGetValue(trait, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    } : null;
}
