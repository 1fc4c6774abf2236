using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tributary.Host.Flat;
using Tributary.Host.HttpApi;
using Tributary.Providers;

namespace Tributary.Host.Jobs;

/// <summary>
/// Reads a job submission in any of its three shapes — a JSON array of records, <c>{"records":[…],"callbackUrl":…}</c>,
/// or JSON lines — under the jobs body limit, and turns everything wrong with it into a problem naming the field.
/// Records are checked for shape here (objects whose members have the right JSON types); a record whose identifiers
/// are unusable is not an error of the job: it becomes a <c>rejected</c> result.
/// </summary>
internal sealed class JobSubmissionReader(IOptions<JobsOptions> options, ProviderCatalog catalog)
{
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

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(http));
        }

        var text = Encoding.UTF8.GetString(body).AsSpan().TrimStart('\uFEFF').Trim();
        if (text.IsEmpty)
        {
            return Fail(http, "body", """The body is empty: send a JSON array of records, {"records":[…]} or JSON lines.""");
        }

        var isJsonLines = http.Request.ContentType is { } type
            && (type.Contains("ndjson", StringComparison.OrdinalIgnoreCase) || type.Contains("jsonl", StringComparison.OrdinalIgnoreCase) || type.Contains("jsonlines", StringComparison.OrdinalIgnoreCase));
        if (!isJsonLines && text[0] == '[')
        {
            return Parse(http, text.ToString(), document => ReadRecords(http, document.RootElement, "records", null, new JobSettings()));
        }

        if (!isJsonLines && text[0] == '{' && TryParse(text.ToString(), out var single))
        {
            using (single)
            {
                return single.RootElement.TryGetProperty("records", out _) ? ReadEnvelope(http, single.RootElement) : ReadLines(http, text);
            }
        }

        return text[0] == '{' ? ReadLines(http, text) : Fail(http, "body", "Malformed JSON body: expected an array, an object or JSON lines.");
    }

    private (JobSubmission?, ProblemHttpResult?) ReadEnvelope(HttpContext http, JsonElement root)
    {
        if (root.GetProperty("records").ValueKind != JsonValueKind.Array)
        {
            return Fail(http, "records", "records must be an array of objects.");
        }

        string? callbackUrl = null;
        if (root.TryGetProperty("callbackUrl", out var callback) && callback.ValueKind != JsonValueKind.Null)
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
            return Fail(http, "providers", "providers must be an array of names or a comma-separated string; mode a string.");
        }

        return ReadRecords(http, root.GetProperty("records"), "records", callbackUrl, settings);
    }

    private (JobSubmission?, ProblemHttpResult?) ReadLines(HttpContext http, ReadOnlySpan<char> text)
    {
        var records = new List<string>();
        var number = 0;
        foreach (var range in text.Split('\n'))
        {
            number++;
            var line = text[range].Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            if (records.Count >= _options.MaxRecords)
            {
                return TooMany(http);
            }

            if (!TryParse(line.ToString(), out var document))
            {
                return Fail(http, "body", $"Malformed JSON on line {number}.");
            }

            using (document)
            {
                if (CheckRecord(http, document.RootElement, $"line {number}") is { } problem)
                {
                    return (null, problem);
                }

                records.Add(document.RootElement.GetRawText());
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
        foreach (var record in array.EnumerateArray())
        {
            if (CheckRecord(http, record, $"{field}[{index++}]") is { } problem)
            {
                return (null, problem);
            }

            records.Add(record.GetRawText());
        }

        return Validate(http, new JobSubmission(records, callbackUrl, settings));
    }

    /// <summary>An object whose members have the JSON types of a <c>/v1/enrich</c> body.</summary>
    private static ProblemHttpResult? CheckRecord(HttpContext http, JsonElement record, string where)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return Problems.BadRequest(http, where, $"{where} must be a JSON object with identifiers (email, phone, domain, name, company, linkedinUrl).");
        }

        try
        {
            record.Deserialize(FlatJsonContext.Default.EnrichRequestBody);
            return null;
        }
        catch (JsonException)
        {
            return Problems.BadRequest(http, where, $"{where} has a member of the wrong type: identifiers are strings.");
        }
    }

    private (JobSubmission?, ProblemHttpResult?) Validate(HttpContext http, JobSubmission submission)
    {
        if (submission.Records.Count == 0)
        {
            return Fail(http, "records", "The job has no records.");
        }

        if (submission.CallbackUrl is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            return Fail(http, "callbackUrl", "callbackUrl must be an absolute http or https URL.");
        }

        if (!EnrichRequestParser.TryParseMode(submission.Settings.Mode, out _))
        {
            return Fail(http, "mode", EnrichRequestParser.ModeError);
        }

        if (submission.Settings.Providers?.FirstOrDefault(p => !catalog.TryGet(p, out _)) is { } unknown)
        {
            return Fail(http, "providers", $"Unknown provider '{unknown}'.");
        }

        return (submission, null);
    }

    private static bool TryParse(string json, out JsonDocument document)
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

    private static (JobSubmission?, ProblemHttpResult?) Parse(HttpContext http, string json, Func<JsonDocument, (JobSubmission?, ProblemHttpResult?)> read)
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
