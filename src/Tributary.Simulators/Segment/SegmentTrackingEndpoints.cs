using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Segment;

/// <summary>
/// The Tracking API: <c>POST /v1/{identify|track|page|screen|group|alias}</c> and <c>/v1/batch</c>, with the write key
/// as the Basic user name or <c>writeKey</c> in the body. 400 for a message over 32 KB, a batch over 500 KB or JSON that
/// does not parse; 200 otherwise, also for what Segment drops silently (no id, a track without an event, a batch of
/// more than 2,500 events). Plus <c>GET /__sim/messages</c>: every accepted message as received, for the sandbox.
/// </summary>
internal sealed class SegmentTrackingEndpoints(SegmentSimulator simulator)
{
    public const int MaxMessageBytes = 32 * 1024;
    public const int MaxBatchBytes = 500 * 1024;
    public const int MaxBatchMessages = 2_500;

    private static readonly string[] Types = ["identify", "track", "page", "screen", "group", "alias"];

    public void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var type in Types)
        {
            endpoints.MapPost("/v1/" + type, context => SingleAsync(context, type));
        }

        endpoints.MapPost("/v1/batch", BatchAsync);
        endpoints.MapGet(ControlEndpoints.Prefix + "/messages", WriteMessagesAsync);
    }

    private Task WriteMessagesAsync(HttpContext context)
    {
        var messages = new JsonArray([.. simulator.Messages.Select(static m => JsonNode.Parse(m.Json))]);
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(messages.ToJsonString(), context.RequestAborted);
    }

    private async Task SingleAsync(HttpContext context, string type)
    {
        var body = await SegmentRequestBody.ReadAsync(context, MaxMessageBytes);
        if (body is null)
        {
            await SegmentErrors.InvalidAsync(context, "Message exceeds the maximum size of 32KB.");
            return;
        }

        if (Parse(body) is not JsonObject message)
        {
            await SegmentErrors.InvalidAsync(context, "Invalid JSON.");
            return;
        }

        if (!Authorized(context, message))
        {
            await SegmentErrors.UnauthorizedAsync(context, "Invalid write key.");
            return;
        }

        message.Remove("writeKey");
        message["type"] = type;
        simulator.Log.Accept(message, context.Request.Path);
        await SuccessAsync(context);
    }

    private async Task BatchAsync(HttpContext context)
    {
        var body = await SegmentRequestBody.ReadAsync(context, MaxBatchBytes);
        if (body is null)
        {
            await SegmentErrors.InvalidAsync(context, "Batch exceeds the maximum size of 500KB.");
            return;
        }

        if (Parse(body) is not JsonObject root || root["batch"] is not JsonArray batch)
        {
            await SegmentErrors.InvalidAsync(context, "Invalid JSON: expected an object with a batch array.");
            return;
        }

        if (!Authorized(context, root))
        {
            await SegmentErrors.UnauthorizedAsync(context, "Invalid write key.");
            return;
        }

        var messages = new List<JsonObject>(batch.Count);
        foreach (var item in batch)
        {
            if (item is not JsonObject message)
            {
                await SegmentErrors.InvalidAsync(context, "Invalid JSON: every batch item must be an object.");
                return;
            }

            if (Encoding.UTF8.GetByteCount(message.ToJsonString()) > MaxMessageBytes)
            {
                await SegmentErrors.InvalidAsync(context, "A message in the batch exceeds the maximum size of 32KB.");
                return;
            }

            messages.Add(message);
        }

        if (messages.Count > MaxBatchMessages)
        {
            // Segment answers 200 and rejects every event of an oversized batch.
            simulator.Log.Drop(messages.Count);
        }
        else
        {
            var shared = root["context"] as JsonObject;
            foreach (var message in messages)
            {
                MergeContext(message, shared);
                simulator.Log.Accept(message, context.Request.Path);
            }
        }

        await SuccessAsync(context);
    }

    private bool Authorized(HttpContext context, JsonObject body) =>
        AuthorizationHeader.BasicUser(context.Request) == simulator.WriteKey
        || (body["writeKey"] is JsonValue key && key.TryGetValue<string>(out var text) && text == simulator.WriteKey);

    /// <summary>A batch's top-level context goes into each message; the message's own members win.</summary>
    private static void MergeContext(JsonObject message, JsonObject? shared)
    {
        if (shared is null)
        {
            return;
        }

        if (message["context"] is not JsonObject own)
        {
            message["context"] = shared.DeepClone();
            return;
        }

        foreach (var (name, value) in shared)
        {
            if (!own.ContainsKey(name))
            {
                own[name] = value?.DeepClone();
            }
        }
    }

    private static JsonNode? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task SuccessAsync(HttpContext context) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, 0, static (writer, _) =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteEndObject();
        });
}
