using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Enrichment;
using Tributary.Json;

namespace Tributary.Connectors.Clearbit;

/// <summary>
/// Clearbit's webhook, posted once a queued lookup is ready: <c>{"id", "type", "body", "status"}</c>, signed with
/// <see cref="ClearbitWebhookSignature"/>. The id is the <c>webhook_id</c> the connector sent
/// (<see cref="ClearbitWebhookId"/>); the body is mapped exactly as the same record answered at once would be.
/// </summary>
internal sealed class ClearbitWebhook(IOptions<ClearbitOptions> options, TimeProvider time) : IProviderCallbacks
{
    // Tributary's ids are well under this; a longer one is no delivery of ours and should not become a dedup key.
    private const int MaxIdLength = 512;

    public string Name => ClearbitConnector.ProviderName;

    public string? Refusal(ReadOnlySpan<byte> body, Func<string, string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (string.IsNullOrWhiteSpace(options.Value.ApiKey))
        {
            return "Providers:Clearbit:ApiKey is not configured, so no Clearbit webhook can be verified.";
        }

        var signature = header(ClearbitWebhookSignature.Header);
        if (signature.Length == 0)
        {
            return $"{ClearbitWebhookSignature.Header} is missing.";
        }

        return ClearbitWebhookSignature.Matches(options.Value.ApiKey, body, signature)
            ? null
            : $"{ClearbitWebhookSignature.Header} is not sha1=<hex HMAC-SHA1> of this body under the configured key.";
    }

    public ProviderCallback Read(ReadOnlySpan<byte> body)
    {
        var (id, _, _) = Parse(body);
        return ClearbitWebhookId.TryRead(id, out var key, out var askedAt) ? new(id, key, askedAt) : new(id, null, null);
    }

    public ProviderResult Answer(ReadOnlySpan<byte> body, LookupKind kind)
    {
        var (_, status, record) = Parse(body);
        if (status != HttpStatusCode.OK)
        {
            return ClearbitResults.FromStatus(status, time.GetUtcNow());
        }

        return kind == LookupKind.Person
            ? ClearbitResults.FromCombined(record, time.GetUtcNow())
            : ClearbitResults.FromCompany(record?.Company, time.GetUtcNow());
    }

    /// <summary>The delivery's id, status and record (a person or a company alone is half a combined pair).</summary>
    private static (string Id, HttpStatusCode Status, ClearbitCombined? Record) Parse(ReadOnlySpan<byte> body)
    {
        ClearbitWebhookDelivery? delivery;
        try
        {
            delivery = JsonSerializer.Deserialize(WholeJson.Readable(body), ClearbitJsonContext.Default.ClearbitWebhookDelivery);
        }
        catch (JsonException)
        {
            throw new ProviderCallbackFormatException("The body is not a JSON object in Clearbit's webhook shape {id, type, body, status}.");
        }

        if (delivery is null)
        {
            throw new ProviderCallbackFormatException("The body must be a JSON object.");
        }

        var id = delivery.Id.ValueKind switch
        {
            JsonValueKind.String => delivery.Id.GetString(),
            JsonValueKind.Number => delivery.Id.GetRawText(),
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            throw new ProviderCallbackFormatException($"id must be a non-empty string of at most {MaxIdLength} characters.");
        }

        var status = Status(delivery);
        if (status is not (>= 100 and <= 599))
        {
            throw new ProviderCallbackFormatException("status must be an HTTP status code.");
        }

        if (string.IsNullOrWhiteSpace(delivery.Type))
        {
            throw new ProviderCallbackFormatException("type is required: person, company or person_company.");
        }

        return (id, (HttpStatusCode)status, Record(delivery.Type, delivery.Body));
    }

    /// <summary>The delivery's status, a number or a numeric string; without one the body says it: a record is a 200, none a 404.</summary>
    private static int? Status(ClearbitWebhookDelivery delivery) => delivery.Status.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => delivery.Body.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? 404 : 200,
        JsonValueKind.Number => delivery.Status.TryGetInt32(out var number) ? number : null,
        JsonValueKind.String => int.TryParse(delivery.Status.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text) ? text : null,
        _ => null,
    };

    private static ClearbitCombined? Record(string type, JsonElement body)
    {
        if (body.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ProviderCallbackFormatException("body must be an object or null.");
        }

        try
        {
            // The combined type's name is not documented (person_company in the SDKs' fixtures): anything but the two
            // single record types is read as the {person, company} pair.
            return type switch
            {
                "person" => new ClearbitCombined(body.Deserialize(ClearbitJsonContext.Default.ClearbitPerson), null),
                "company" => new ClearbitCombined(null, body.Deserialize(ClearbitJsonContext.Default.ClearbitCompany)),
                _ => body.Deserialize(ClearbitJsonContext.Default.ClearbitCombined),
            };
        }
        catch (JsonException)
        {
            throw new ProviderCallbackFormatException("body is not a Clearbit record of the type the delivery names.");
        }
    }
}
