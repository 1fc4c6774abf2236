using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Salesforce;

/// <summary>
/// sObject Collections under <c>/services/data/v{version}</c> (v42.0 and later), behind a Bearer session:
/// <c>GET composite/sobjects/{Contact|Lead}?ids=…&amp;fields=…</c> (at most 200 ids; one entry per id, in order, null
/// for an id the org does not have) and <c>PATCH composite/sobjects</c> (at most 200 records of either object; one
/// save result per record, in order, 200 even when records fail). Checked in order: the version, the session (401
/// <c>INVALID_SESSION_ID</c>), the daily allowance (403 <c>REQUEST_LIMIT_EXCEEDED</c>), then the request.
/// </summary>
internal sealed class SalesforceEndpoints(SalesforceSimulator simulator, SalesforceSessions sessions, SalesforceApiUsage usage)
{
    public const string DataPrefix = "/services/data";
    public const int MaxRecords = 200;

    private const string LimitMessage = "record limit reached. cannot submit more than 200 records into this call";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        const string Collections = DataPrefix + "/{version}/composite/sobjects";
        endpoints.MapGet(Collections + "/{objectName}", context => GuardedAsync(context, ReadAsync));
        endpoints.MapMethods(Collections, [HttpMethods.Patch], context => GuardedAsync(context, UpdateAsync));
    }

    private async Task GuardedAsync(HttpContext context, Func<HttpContext, string, Task> endpoint)
    {
        var version = context.GetRouteValue("version") as string ?? "";
        if (!version.StartsWith('v') || !decimal.TryParse(version.AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number < 42)
        {
            await SalesforceErrors.WriteAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");
            return;
        }

        if (!sessions.IsValid(AuthorizationHeader.Bearer(context.Request)))
        {
            await SalesforceErrors.InvalidSessionAsync(context);
            return;
        }

        var used = context.Items[typeof(SalesforceApiUsage)] as int? ?? 0;
        if (simulator.SalesforceFaults.Current.RequestLimitExceeded || used > usage.Max)
        {
            await SalesforceErrors.RequestLimitExceededAsync(context);
            return;
        }

        await endpoint(context, version);
    }

    private async Task ReadAsync(HttpContext context, string version)
    {
        var schema = SalesforceSchema.Find(context.GetRouteValue("objectName") as string);
        if (schema is null)
        {
            await SalesforceErrors.WriteAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", "The requested resource does not exist");
            return;
        }

        var ids = List(context.Request.Query["ids"]);
        var requested = List(context.Request.Query["fields"]);
        if (ids.Count == 0 || requested.Count == 0)
        {
            await BadRequestAsync(context, "MISSING_ARGUMENT", ids.Count == 0 ? "ids is required" : "fields is required");
            return;
        }

        if (ids.Count > MaxRecords)
        {
            await BadRequestAsync(context, "EXCEEDED_ID_LIMIT", LimitMessage);
            return;
        }

        if (ids.FirstOrDefault(static id => SalesforceIds.Normalize(id) is null) is { } malformed)
        {
            await BadRequestAsync(context, "MALFORMED_ID", $"malformed id {malformed}");
            return;
        }

        var fields = new List<string>(requested.Count);
        foreach (var field in requested)
        {
            if (schema.Canonical(field) is not { } canonical)
            {
                await BadRequestAsync(context, "INVALID_FIELD", $"No such column '{field}' on entity '{schema.Name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.");
                return;
            }

            fields.Add(canonical);
        }

        var records = simulator.Org.Read(schema, ids, fields);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (schema, version, records), static (writer, answer) =>
        {
            writer.WriteStartArray();
            foreach (var record in answer.records)
            {
                if (record is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteStartObject("attributes");
                writer.WriteString("type", answer.schema.Name);
                writer.WriteString("url", $"{DataPrefix}/{answer.version}/sobjects/{answer.schema.Name}/{record.First(static f => f.Key == "Id").Value ?? ""}");
                writer.WriteEndObject();
                foreach (var (field, value) in record)
                {
                    if (value is null)
                    {
                        writer.WriteNull(field);
                    }
                    else if (answer.schema.Integers.Contains(field) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    {
                        writer.WriteNumber(field, n);
                    }
                    else
                    {
                        writer.WriteString(field, value);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private async Task UpdateAsync(HttpContext context, string _)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException ex)
        {
            await BadRequestAsync(context, "JSON_PARSER_ERROR", "Unexpected character: " + ex.Message);
            return;
        }

        using (document)
        {
            var (allOrNone, records, error) = SalesforceRequests.ParseUpdate(document.RootElement);
            if (records is null)
            {
                await BadRequestAsync(context, "JSON_PARSER_ERROR", error!);
                return;
            }

            if (records.Count > MaxRecords)
            {
                await BadRequestAsync(context, "EXCEEDED_ID_LIMIT", LimitMessage);
                return;
            }

            var results = simulator.Org.Update(records, allOrNone, simulator.SalesforceFaults.Current);
            await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, results, static (writer, results) =>
            {
                writer.WriteStartArray();
                foreach (var result in results)
                {
                    writer.WriteStartObject();
                    if (result.Id is not null)
                    {
                        writer.WriteString("id", result.Id);
                    }

                    writer.WriteBoolean("success", result.Success);
                    writer.WriteStartArray("errors");
                    foreach (var e in result.Errors)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("statusCode", e.StatusCode);
                        writer.WriteString("message", e.Message);
                        writer.WriteStartArray("fields");
                        foreach (var field in e.Fields)
                        {
                            writer.WriteStringValue(field);
                        }

                        writer.WriteEndArray();
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
        }
    }

    private static Task BadRequestAsync(HttpContext context, string errorCode, string message) =>
        SalesforceErrors.WriteAsync(context, StatusCodes.Status400BadRequest, errorCode, message);

    private static List<string> List(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.SelectMany(static v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
