using System.Globalization;
using System.Text.Json;
using Tributary.Host.Crm;

namespace Tributary.Host.HubSpot;

/// <summary>
/// Reads HubSpot batch answers liberally: every member optional, ids as text or numbers, unknown members ignored.
/// Throws <see cref="JsonException"/> only when the body is not JSON at all (or not an object).
/// </summary>
internal static class HubSpotAnswers
{
    /// <summary>The category of HubSpot's error for ids it does not have, the only one that means "missing".</summary>
    public const string NotFound = "OBJECT_NOT_FOUND";

    /// <summary>Why a record failed when HubSpot's answer named it nowhere: neither among the results nor in an error.</summary>
    public const string NoResult = "no_result";

    private static readonly string[] PersonSources = ["CRM_UI", "IMPORT"];

    /// <summary>
    /// The records of a batch read. Only ids an <c>OBJECT_NOT_FOUND</c> error names are missing; an id another error
    /// names, or one the answer leaves out altogether, failed: it may well exist, so it is read again rather than lost.
    /// </summary>
    public static HubSpotReadAnswer Read(ReadOnlySpan<byte> body, IReadOnlyList<string> requested, IReadOnlyCollection<string> mapped)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        var records = new List<CrmRecord>();
        foreach (var result in Array(root, "results"))
        {
            if (Text(result, "id") is not { } id)
            {
                continue;
            }

            var properties = Object(result, "properties");
            var histories = Object(result, "propertiesWithHistory");
            var fields = new Dictionary<string, CrmFieldValue>(StringComparer.Ordinal);
            foreach (var property in mapped)
            {
                fields[property] = new CrmFieldValue(Text(properties, property), SetByPerson(histories, property));
            }

            var identity = new CrmIdentity(
                Text(properties, "email"), Text(properties, "phone"), Text(properties, "firstname"), Text(properties, "lastname"),
                Text(properties, "company"), Domain(Text(properties, "website")));
            records.Add(new CrmRecord(id, HubSpotClient.ObjectType, identity, fields));
        }

        var answered = records.Select(static r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unanswered = requested.Where(id => !answered.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (category, ids) in Errors(root))
        {
            foreach (var id in ids.Where(unanswered.Contains))
            {
                if (string.Equals(category, NotFound, StringComparison.OrdinalIgnoreCase))
                {
                    missing.Add(id);
                }
                else
                {
                    failed.TryAdd(id, category);
                }
            }
        }

        // An id named both not found and by another error is read again: losing a record costs more than a second read.
        missing.ExceptWith(failed.Keys);
        foreach (var id in unanswered.Where(id => !missing.Contains(id)))
        {
            failed.TryAdd(id, NoResult);
        }

        return new HubSpotReadAnswer(new CrmReadResult(records, [.. missing]), failed);
    }

    /// <summary>
    /// The outcome of each update of a 200 or a 207: confirmed only when HubSpot lists its id among the results. Any
    /// other record failed (retryable): with the category of the error naming it, else of an error naming no id, else
    /// <see cref="NoResult"/>, since HubSpot did not say it was written.
    /// </summary>
    public static IReadOnlyList<CrmWriteOutcome> Write(ReadOnlySpan<byte> body, IReadOnlyList<CrmUpdate> updates)
    {
        using var document = Parse(body);
        var root = document.RootElement;
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        string? unattributed = null;
        foreach (var error in Errors(root))
        {
            foreach (var id in error.Ids)
            {
                failed.TryAdd(id, error.Category);
            }

            if (error.Ids.Count == 0)
            {
                unattributed ??= error.Category;
            }
        }

        var confirmed = Array(root, "results").Select(static r => Text(r, "id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. updates.Select(update =>
            failed.TryGetValue(update.Id, out var category) ? Failed(update.Id, category)
            : confirmed.Contains(update.Id) ? CrmWriteOutcome.Confirmed(update.Id)
            : Failed(update.Id, unattributed ?? NoResult))];
    }

    /// <summary>
    /// A record HubSpot did not confirm: sent again, as the contract has only the failed records of a 207 retried, up to
    /// <c>Pipeline:MaxAttempts</c>; the dead letter keeps the category (<c>VALIDATION_ERROR</c>, <c>OBJECT_NOT_FOUND</c>).
    /// </summary>
    public static CrmWriteOutcome Failed(string id, string category) => new(id, false, category, Retryable: true);

    /// <summary>The <c>category</c> of an error body, or null.</summary>
    public static string? Category(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = Parse(body);
            return Text(document.RootElement, "category");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new JsonException("HubSpot answered JSON that is not an object.");
        }

        return document;
    }

    private static IEnumerable<(string Category, IReadOnlyList<string> Ids)> Errors(JsonElement root) =>
        Array(root, "errors").Select(static error =>
        {
            var context = Object(error, "context");
            var ids = Array(context, "ids").Concat(Array(context, "id")).Select(static id => Text(id)).OfType<string>().ToList();
            return (Text(error, "category") ?? "UNKNOWN", (IReadOnlyList<string>)ids);
        });

    /// <summary>True when the newest history entry was set by a person (HubSpot <c>sourceType</c> CRM_UI or IMPORT).</summary>
    private static bool SetByPerson(JsonElement histories, string property)
    {
        JsonElement? newest = null;
        DateTimeOffset newestAt = DateTimeOffset.MinValue;
        foreach (var version in Array(histories, property))
        {
            // HubSpot lists the newest first; the timestamps decide when they are present.
            var at = DateTimeOffset.TryParse(Text(version, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed : DateTimeOffset.MinValue;
            if (newest is null || at > newestAt)
            {
                (newest, newestAt) = (version, at);
            }
        }

        return newest is { } entry && PersonSources.Contains(Text(entry, "sourceType")?.ToUpperInvariant());
    }

    /// <summary><c>https://www.acme.com/about</c> → <c>acme.com</c>.</summary>
    private static string? Domain(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }

        var text = website.Trim();
        var host = Uri.TryCreate(text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text, UriKind.Absolute, out var uri) ? uri.Host : text;
        host = host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : Enumerable.Empty<JsonElement>();

    private static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
