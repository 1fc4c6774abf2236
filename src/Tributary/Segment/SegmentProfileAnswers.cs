using System.Text.Json;

namespace Tributary.Host.Segment;

/// <summary>
/// Reads Profile API answers liberally: <c>{traits:{…}, cursor:{has_more}}</c> with every member optional and unknown
/// ones ignored; errors as <c>{error:{code, message}}</c>.
/// </summary>
internal static class SegmentProfileAnswers
{
    /// <summary>The traits of a 200 body, or null when the body is not a JSON object.</summary>
    public static SegmentTraitsResult? Traits(byte[] body)
    {
        using var document = Parse(body);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var root = document.RootElement;
        var traits = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("traits", out var found) && found.ValueKind == JsonValueKind.Object)
        {
            foreach (var trait in found.EnumerateObject())
            {
                traits[trait.Name] = trait.Value.Clone();
            }
        }

        var hasMore = root.TryGetProperty("cursor", out var cursor) && cursor.ValueKind == JsonValueKind.Object
            && cursor.TryGetProperty("has_more", out var more)
            && (more.ValueKind == JsonValueKind.True || (more.ValueKind == JsonValueKind.String && bool.TryParse(more.GetString(), out var text) && text));
        return new SegmentTraitsResult(SegmentTraitsStatus.Found, traits, hasMore, 200);
    }

    /// <summary><c>error.code</c> of an error body, or null.</summary>
    public static string? ErrorCode(byte[] body)
    {
        using var document = Parse(body);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;
    }

    private static JsonDocument? Parse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
