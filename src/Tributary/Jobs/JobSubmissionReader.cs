using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tributary.Host.Flat;
using Tributary.Host.HttpApi;
using Tributary.Json;
using Tributary.Providers;

namespace Tributary.Host.Jobs;

/// <summary>
/// Reads a job submission in any of its three shapes — a JSON array of records, <c>{"records":[…],"callbackUrl":…}</c>,
/// or JSON lines — under the jobs body limit, and turns everything wrong with it into a problem naming the field.
/// The body is read once into a pooled buffer and parsed as UTF-8 where it lies; each record is kept with its
/// identifier members only, so a 16 MB submission costs the identifiers it carries, not copies of itself.
/// Records are checked for shape here (objects whose members have the right JSON types); a record whose identifiers
/// are unusable is not an error of the job: it becomes a <c>rejected</c> result.
/// </summary>
internal sealed class JobSubmissionReader(IOptions<JobsOptions> options, ProviderCatalog catalog)
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] JsonWhitespace = " \t\r\n"u8.ToArray();

    private readonly JobsOptions _options = options.Value;

    public async Task<(JobSubmission? Submission, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        // The gateway's 64 KB default suits one enrichment; a job may carry thousands of records.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _options.MaxBodyBytes;
        }

        if (http.Request.ContentLength > _options.MaxBodyBytes)
        {
            return (null, TooLarge(http));
        }

        PooledBody? body;
        try
        {
            body = await PooledBody.ReadAsync(http.Request, _options.MaxBodyBytes, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(http));
        }

        if (body is null)
        {
            return (null, TooLarge(http));
        }

        // Parsed where it lies: the documents below read the pooled bytes; only the records kept become strings.
        using (body)
        {
            return Read(http, body.Memory);
        }
    }

    private (JobSubmission?, ProblemHttpResult?) Read(HttpContext http, ReadOnlyMemory<byte> body)
    {
        var json = body.Span.StartsWith(Utf8Bom) ? body[Utf8Bom.Length..] : body;
        json = json.Trim(JsonWhitespace);
        if (json.IsEmpty)
        {
            return Fail(http, "body", """The body is empty: send a JSON array of records, {"records":[…]} or JSON lines.""");
        }

        var isJsonLines = http.Request.ContentType is { } type
            && (type.Contains("ndjson", StringComparison.OrdinalIgnoreCase) || type.Contains("jsonl", StringComparison.OrdinalIgnoreCase) || type.Contains("jsonlines", StringComparison.OrdinalIgnoreCase));
        var first = json.Span[0];
        if (!isJsonLines && first == (byte)'[')
        {
            return Parse(http, json, document => ReadRecords(http, document.RootElement, "records", null, new JobSettings()));
        }

        if (!isJsonLines && first == (byte)'{' && TryParse(json, out var single))
        {
            using (single)
            {
                // One object is the envelope when it has records (in any case), or one record when it reads as one;
                // anything else is an envelope that lost its records, and a one-record job of it would hide that.
                var root = single.RootElement;
                return root.Member("records") is not null ? ReadEnvelope(http, root)
                    : IsOneRecord(root) ? ReadLines(http, json)
                    : Fail(http, "records", """The body has no records: send {"records":[…]} with callbackUrl, mode or providers, a JSON array of records, or JSON lines.""");
            }
        }

        return first == (byte)'{' ? ReadLines(http, json) : Fail(http, "body", "Malformed JSON body: expected an array, an object or JSON lines.");
    }

    private (JobSubmission?, ProblemHttpResult?) ReadEnvelope(HttpContext http, JsonElement root)
    {
        // Members are matched in any case, so "records" and "Records" would be two answers to one question.
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in root.EnumerateObject())
        {
            if (!names.Add(member.Name))
            {
                return Fail(http, member.Name, $"{member.Name} is given twice: give each member of the envelope once.");
            }
        }

        if (root.Member("records") is not { ValueKind: JsonValueKind.Array } records)
        {
            return Fail(http, "records", "records must be an array of objects.");
        }

        string? callbackUrl = null;
        if (root.Member("callbackUrl") is { } callback && callback.ValueKind != JsonValueKind.Null)
        {
            if (callback.ValueKind != JsonValueKind.String)
            {
                return Fail(http, "callbackUrl", "callbackUrl must be an absolute http or https URL.");
            }

            callbackUrl = callback.GetString();
        }

        JobSettings settings;
        try
        {
            settings = root.Deserialize(JobsJsonContext.Default.JobSettings) ?? new JobSettings();
        }
        catch (JsonException)
        {
            return Fail(http, "providers", "providers must be an array of names or a comma-separated string; mode a string; each given once.");
        }

        return ReadRecords(http, records, "records", callbackUrl, settings);
    }

    /// <summary>
    /// Whether an object sent alone is a record: it names no callback (only an envelope has one) and has an
    /// identifier. One with a member of the wrong type counts as a record, so the problem names what is wrong with it.
    /// </summary>
    private static bool IsOneRecord(JsonElement root)
    {
        if (root.Member("callbackUrl") is not null)
        {
            return false;
        }

        try
        {
            return root.Deserialize(FlatJsonContext.Default.EnrichRequestBody) is { } body
                && (body.Email ?? body.Phone ?? body.PhoneNumber ?? body.Domain ?? body.Name ?? body.FirstName ?? body.LastName ?? body.Company ?? body.LinkedInUrl) is not null;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private (JobSubmission?, ProblemHttpResult?) ReadLines(HttpContext http, ReadOnlyMemory<byte> text)
    {
        var records = new List<string>();
        var number = 0;
        for (var rest = text; !rest.IsEmpty;)
        {
            number++;
            var end = rest.Span.IndexOf((byte)'\n');
            var line = (end < 0 ? rest : rest[..end]).Trim(JsonWhitespace);
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            if (records.Count >= _options.MaxRecords)
            {
                return TooMany(http);
            }

            if (!TryParse(line, out var document))
            {
                return Fail(http, "body", $"Malformed JSON on line {number}.");
            }

            using (document)
            {
                var (record, problem) = Keep(http, document.RootElement, null, number);
                if (problem is not null)
                {
                    return (null, problem);
                }

                records.Add(record!);
            }
        }

        return Validate(http, new JobSubmission(records, null, new JobSettings()));
    }

    private (JobSubmission?, ProblemHttpResult?) ReadRecords(HttpContext http, JsonElement array, string field, string? callbackUrl, JobSettings settings)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return Fail(http, field, "records must be an array of objects.");
        }

        if (array.GetArrayLength() > _options.MaxRecords)
        {
            return TooMany(http);
        }

        var records = new List<string>(array.GetArrayLength());
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var (record, problem) = Keep(http, element, field, index++);
            if (problem is not null)
            {
                return (null, problem);
            }

            records.Add(record!);
        }

        return Validate(http, new JobSubmission(records, callbackUrl, settings));
    }

    /// <summary>
    /// The record as it is kept: an object whose members have the JSON types of a <c>/v1/enrich</c> body, written
    /// again with those members and the caller's <c>id</c> / <c>externalId</c> only. The other columns of a caller's export are what make a job body large; they
    /// are never used, so they are neither stored nor held as strings.
    /// </summary>
    /// <remarks>The record is named <c>records[3]</c> in an array (<paramref name="field"/>) or <c>line 4</c> in JSON lines (null).</remarks>
    private static (string? Record, ProblemHttpResult? Problem) Keep(HttpContext http, JsonElement record, string? field, int position)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            var where = Where(field, position);
            return (null, Problems.BadRequest(http, where, $"{where} must be a JSON object with identifiers (email, phone, domain, name, company, linkedinUrl)."));
        }

        try
        {
            var body = record.Deserialize(FlatJsonContext.Default.EnrichRequestBody)!;
            var kept = JsonSerializer.SerializeToNode(body, JobRecordJsonContext.Default.EnrichRequestBody)!.AsObject();
            // The caller's own record id comes back in the result line, so it is kept with the identifiers, and held
            // to the same rules: matched in any case, of its documented types, given once.
            foreach (var member in record.EnumerateObject())
            {
                if (Echoed(member.Name) is not { } name || member.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (member.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) || kept.ContainsKey(name))
                {
                    return (null, WrongMember(http, field, position));
                }

                kept[name] = JsonNode.Parse(member.Value.GetRawText());
            }

            return (kept.ToJsonString(), null);
        }
        catch (JsonException)
        {
            return (null, WrongMember(http, field, position));
        }
    }

    private static string? Echoed(string name) =>
        Array.Find(JobResultLine.EchoedMembers, member => string.Equals(member, name, StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult WrongMember(HttpContext http, string? field, int position)
    {
        var where = Where(field, position);
        return Problems.BadRequest(http, where, $"{where} has a member of the wrong type, or one given twice: identifiers are strings, id and externalId strings or numbers, each given once.");
    }

    private static string Where(string? field, int position) => field is null ? $"line {position}" : $"{field}[{position}]";

    private (JobSubmission?, ProblemHttpResult?) Validate(HttpContext http, JobSubmission submission)
    {
        if (submission.Records.Count == 0)
        {
            return Fail(http, "records", "The job has no records.");
        }

        if (submission.CallbackUrl is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return Fail(http, "callbackUrl", "callbackUrl must be an absolute http or https URL.");
            }

            if (uri.UserInfo.Length > 0)
            {
                // Credentials in a URL would be stored, shown by GET /v1/jobs/{id} and logged by proxies; callbacks are signed instead.
                return Fail(http, "callbackUrl", "callbackUrl must not carry a user name or password; callbacks are signed (X-Tributary-Signature) instead.");
            }

            // An address written in the URL can be judged now; a name is judged when the callback is sent.
            if (_options.AllowPrivateCallbacks != true && uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
                && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && NonPublicAddresses.Contains(address))
            {
                return Fail(http, "callbackUrl", "callbackUrl points to a loopback, private, link-local or otherwise non-public address, which callbacks may not reach (Jobs:AllowPrivateCallbacks).");
            }
        }

        if (!EnrichRequestParser.TryParseMode(submission.Settings.Mode, out _))
        {
            return Fail(http, "mode", EnrichRequestParser.ModeError);
        }

        if (submission.Settings.Providers?.FirstOrDefault(p => !catalog.TryGet(p.Trim(), out _)) is { } unknown)
        {
            return Fail(http, "providers", $"Unknown provider '{unknown}'.");
        }

        // As for enrich FILE: a job would wait its turn only to come back with every record unanswered by it.
        if (submission.Settings.Providers?.FirstOrDefault(p => catalog.TryGet(p.Trim(), out var entry) && !entry.Runtime.IsEnabled) is { } disabled)
        {
            return Fail(http, "providers", $"Provider '{disabled}' is not enabled (configure its Providers:<Name> credentials, or set Enabled).");
        }

        return (submission, null);
    }

    private static bool TryParse(ReadOnlyMemory<byte> json, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            document = null!;
            return false;
        }
    }

    private static (JobSubmission?, ProblemHttpResult?) Parse(HttpContext http, ReadOnlyMemory<byte> json, Func<JsonDocument, (JobSubmission?, ProblemHttpResult?)> read)
    {
        if (!TryParse(json, out var document))
        {
            return Fail(http, "body", "Malformed JSON body.");
        }

        using (document)
        {
            return read(document);
        }
    }

    private ProblemHttpResult TooLarge(HttpContext http) =>
        Problems.Create(http, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"A job body may be at most {_options.MaxBodyBytes} bytes (Jobs:MaxBodyBytes); split the records into several jobs.");

    private (JobSubmission?, ProblemHttpResult?) TooMany(HttpContext http) =>
        Fail(http, "records", $"A job may carry at most {_options.MaxRecords} records (Jobs:MaxRecords); split them into several jobs.");

    private static (JobSubmission?, ProblemHttpResult?) Fail(HttpContext http, string field, string detail) =>
        (null, Problems.BadRequest(http, field, detail));
}
