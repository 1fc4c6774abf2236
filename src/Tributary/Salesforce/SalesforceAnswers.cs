using System.Globalization;
using System.Text.Json;
using Tributary.Host.Crm;

namespace Tributary.Host.Salesforce;

/// <summary>
/// Reads Salesforce's answers, liberally: every property optional, unknown ones ignored, numbers and booleans taken as
/// text. A body that is not the JSON expected is a <see cref="JsonException"/> for the caller to turn into
/// <c>malformed_response</c>; the login and error readers return null instead.
/// </summary>
internal static class SalesforceAnswers
{
    /// <summary>The code of a record an all-or-none call rolled back because another record of the call failed.</summary>
    public const string RolledBack = "ALL_OR_NONE_OPERATION_ROLLED_BACK";

    public sealed record LoginAnswer(string? AccessToken, string? InstanceUrl, string? Error);

    public sealed record ApiError(string? ErrorCode, string? Message);

    /// <summary>The token answer or the login's error (<c>{"error","error_description"}</c>), or null when unreadable.</summary>
    public static LoginAnswer? Login(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } root
            ? new LoginAnswer(Text(root, "access_token"), Text(root, "instance_url"), Text(root, "error"))
            : null;
    }

    /// <summary>The first error of a REST error body (<c>[{"message","errorCode"}]</c>, or one such object), or null.</summary>
    public static ApiError? Error(ReadOnlySpan<byte> body)
    {
        using var document = Parse(body);
        var root = document?.RootElement;
        var first = root?.ValueKind == JsonValueKind.Array ? root.Value.EnumerateArray().FirstOrDefault() : root;
        return first is { ValueKind: JsonValueKind.Object } error ? new ApiError(Text(error, "errorCode"), Text(error, "message")) : null;
    }

    /// <summary>
    /// A retrieve answer for <paramref name="ids"/> of <paramref name="objectType"/>: entries match ids by their
    /// <c>Id</c> (a 15-character id asked matches its 18-character form), else by position; null entries and ids
    /// without an entry are missing.
    /// </summary>
    public static (List<CrmRecord> Records, List<string> Missing) Read(
        ReadOnlySpan<byte> body, string objectType, IReadOnlyList<string> ids, IReadOnlyDictionary<string, string> mapping)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A Salesforce retrieve answer is an array.");
        }

        var found = new Dictionary<string, CrmRecord>(StringComparer.Ordinal);
        var position = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var index = position++;
            if (entry.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var fields = entry.EnumerateObject().GroupBy(static p => p.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(static g => g.Key, static g => Text(g.Last().Value), StringComparer.OrdinalIgnoreCase);
            var entryId = fields.GetValueOrDefault("Id");
            var id = entryId is null
                ? (index < ids.Count ? ids[index] : null)
                : ids.FirstOrDefault(i => SalesforceObjects.SameRecord(i, entryId));
            if (id is null)
            {
                continue;
            }

            var identity = new CrmIdentity(fields.GetValueOrDefault("Email"), fields.GetValueOrDefault("Phone"), fields.GetValueOrDefault("FirstName"),
                fields.GetValueOrDefault("LastName"), objectType == SalesforceObjects.Lead ? fields.GetValueOrDefault("Company") : null, null);
            var values = mapping.Values.Distinct(StringComparer.OrdinalIgnoreCase)
                .ToDictionary(static f => f, f => new CrmFieldValue(fields.GetValueOrDefault(f), SetByPerson: false), StringComparer.Ordinal);
            found[id] = new CrmRecord(id, objectType, identity, values);
        }

        return ([.. found.Values], [.. ids.Where(id => !found.ContainsKey(id))]);
    }

    /// <summary>One outcome per record sent, from the save results in the same order.</summary>
    public static List<CrmWriteOutcome> Write(ReadOnlySpan<byte> body, IReadOnlyList<string> sentIds)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != sentIds.Count)
        {
            throw new JsonException("A Salesforce save answer is an array with one result per record sent.");
        }

        var outcomes = new List<CrmWriteOutcome>(sentIds.Count);
        var index = 0;
        foreach (var result in root.EnumerateArray())
        {
            var id = sentIds[index++];
            if (result.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("A Salesforce save result is an object.");
            }

            var success = result.TryGetProperty("success", out var flag) && (flag.ValueKind == JsonValueKind.True
                || (flag.ValueKind == JsonValueKind.String && string.Equals(flag.GetString(), "true", StringComparison.OrdinalIgnoreCase)));
            if (success)
            {
                outcomes.Add(CrmWriteOutcome.Confirmed(id));
                continue;
            }

            var code = result.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? errors.EnumerateArray().Where(static e => e.ValueKind == JsonValueKind.Object).Select(static e => Text(e, "statusCode")).FirstOrDefault(static c => c is not null)
                : null;
            outcomes.Add(Failed(id, code ?? "UNKNOWN_ERROR"));
        }

        return outcomes;
    }

    /// <summary>
    /// A record Salesforce refused in its answer: sent again, as the contract has every failed record retried up to
    /// <c>Pipeline:MaxAttempts</c>. A code alone does not prove the refusal lasting (a validation rule or a lock can be
    /// lifted meanwhile), and the dead letter keeps it.
    /// </summary>
    public static CrmWriteOutcome Failed(string id, string code) => new(id, false, code, Retryable: true);

    private static JsonDocument? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => value.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
