using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Storage;

namespace Tributary.Host.Identity;

/// <summary>
/// Where each field a real-time answer linked into a profile came from: kept with the profile's traits under one
/// reserved member, <c>$enrichment</c> (<c>{"jobTitle": {"value", "source", "confidence", "observedAt"}, …}</c>), so the
/// agent desktop can show source and confidence per field for callers the pipeline never saw. A later answer replaces
/// the fields it carries and keeps the rest. Trait names starting with <c>$</c> are not a caller's to send.
/// </summary>
internal static class AnsweredFields
{
    public const string Member = "$enrichment";

    public static bool IsReserved(string traitName) => traitName.StartsWith('$');

    /// <summary>One field's entry.</summary>
    public static JsonObject Entry(JsonNode value, string source, double confidence, DateTimeOffset observedAt) => new()
    {
        ["value"] = value,
        ["source"] = source,
        ["confidence"] = Math.Round(confidence, 3),
        ["observedAt"] = observedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>Puts <paramref name="incoming"/>'s fields over those already in <paramref name="traits"/>'s member.</summary>
    public static void MergeInto(JsonObject traits, JsonNode? incoming)
    {
        if (incoming is not JsonObject fields)
        {
            return;
        }

        var kept = traits[Member] as JsonObject ?? [];
        traits[Member] = kept;
        foreach (var (field, entry) in fields)
        {
            kept[field] = entry?.DeepClone();
        }
    }

    /// <summary>The traits as stored, without the member, and each answered field's value with its provenance.</summary>
    public static (JsonObject Traits, IReadOnlyList<(JsonNode Value, FieldProvenance Provenance)> Answered) Split(string storedTraits)
    {
        var traits = JsonNode.Parse(storedTraits) as JsonObject ?? [];
        var answered = new List<(JsonNode, FieldProvenance)>();
        if (traits[Member] is JsonObject fields)
        {
            foreach (var (field, entry) in fields)
            {
                if (Read(field, entry) is { } read)
                {
                    answered.Add(read);
                }
            }
        }

        traits.Remove(Member);
        return (traits, answered);
    }

    private static (JsonNode, FieldProvenance)? Read(string field, JsonNode? entry)
    {
        try
        {
            return entry is JsonObject { } e && e["value"] is { } value
                && e["source"]?.GetValue<string>() is { } source
                && e["confidence"]?.GetValue<double>() is { } confidence
                && DateTimeOffset.TryParse(e["observedAt"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var observedAt)
                ? (value.DeepClone(), new FieldProvenance(field, source, confidence, observedAt))
                : null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException)
        {
            // An entry of another shape (a hand-edited row) is left out, not a failed profile.
            return null;
        }
    }
}
