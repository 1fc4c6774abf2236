using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Genesys;

/// <summary>
/// The login's <c>POST /oauth/token</c> and the Platform API paths Tributary calls, on one base URL: participant
/// attributes (PATCH, and the conversation's GET to read them back) and External Contacts (search, create, get,
/// update). Plus <c>GET /__sim/conversations/{id}</c>: the attributes without a token, for the sandbox.
/// </summary>
internal sealed class GenesysEndpoints(GenesysSimulator simulator)
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/oauth/token", TokenAsync);
        var conversations = endpoints.MapGroup("/api/v2/conversations");
        conversations.MapMethods("/{conversationId}/participants/{participantId}/attributes", [HttpMethods.Patch], c => PatchAttributesAsync(c, Route(c, "conversationId"), Route(c, "participantId")));
        conversations.MapGet("/{conversationId}", c => GetConversationAsync(c, Route(c, "conversationId")));
        var contacts = endpoints.MapGroup("/api/v2/externalcontacts/contacts");
        contacts.MapGet("/", SearchContactsAsync);
        contacts.MapPost("/", CreateContactAsync);
        contacts.MapGet("/{contactId}", c => GetContactAsync(c, Route(c, "contactId")));
        contacts.MapPut("/{contactId}", c => UpdateContactAsync(c, Route(c, "contactId")));
        endpoints.MapGet($"{ControlEndpoints.Prefix}/conversations/{{conversationId}}", context =>
            WriteConversationAsync(context, Route(context, "conversationId")));
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    private async Task TokenAsync(HttpContext context)
    {
        simulator.Tokens.CountRequest();
        var request = context.Request;
        var settings = FaultSettings.For(context);
        if (!IsClient(request) || settings.TokenRevoked)
        {
            await GenesysErrors.OAuthAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "client not found or credentials invalid");
            return;
        }

        if (!request.HasFormContentType)
        {
            await GenesysErrors.OAuthAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "expected an application/x-www-form-urlencoded body");
            return;
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            await GenesysErrors.OAuthAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant_type must be client_credentials");
            return;
        }

        var lifetime = simulator.Options.GenesysTokenLifetime;
        var token = simulator.Tokens.Issue(lifetime, simulator.Faults.Generation);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (token, seconds: (long)lifetime.TotalSeconds), static (w, t) =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", t.token);
            w.WriteString("token_type", "bearer");
            w.WriteNumber("expires_in", t.seconds);
            w.WriteEndObject();
        });
    }

    private async Task PatchAttributesAsync(HttpContext context, string conversationId, string participantId)
    {
        if (!Authorized(context))
        {
            await GenesysErrors.UnauthorizedAsync(context);
            return;
        }

        var now = simulator.TimeProvider.GetUtcNow();
        if (simulator.Throttles.Attributes is { } retryAfter)
        {
            simulator.RecordAttributes(new GenesysAttributeWrite(conversationId, participantId, new Dictionary<string, string>(), StatusCodes.Status429TooManyRequests, now));
            await GenesysErrors.TooManyRequestsAsync(context, retryAfter);
            return;
        }

        if (FaultSettings.For(context).ConversationNotFound || !simulator.Conversations.Knows(conversationId))
        {
            simulator.RecordAttributes(new GenesysAttributeWrite(conversationId, participantId, new Dictionary<string, string>(), StatusCodes.Status404NotFound, now));
            await GenesysErrors.NotFoundAsync(context, $"Conversation {conversationId} not found");
            return;
        }

        if (simulator.Conversations.FailureOf(conversationId) is { } failure)
        {
            simulator.RecordAttributes(new GenesysAttributeWrite(conversationId, participantId, new Dictionary<string, string>(), failure, now));
            await GenesysErrors.WriteAsync(context, failure, GenesysErrors.CodeFor(failure), "Simulated failure of this conversation.");
            return;
        }

        var (attributes, problem) = await ReadAttributesAsync(context);
        if (attributes is null)
        {
            simulator.RecordAttributes(new GenesysAttributeWrite(conversationId, participantId, new Dictionary<string, string>(), StatusCodes.Status400BadRequest, now));
            await GenesysErrors.BadRequestAsync(context, problem!);
            return;
        }

        if (!simulator.Conversations.Merge(conversationId, participantId, attributes))
        {
            simulator.RecordAttributes(new GenesysAttributeWrite(conversationId, participantId, attributes, StatusCodes.Status404NotFound, now));
            await GenesysErrors.NotFoundAsync(context, $"Participant {participantId} not found in conversation {conversationId}");
            return;
        }

        simulator.RecordAttributes(new GenesysAttributeWrite(conversationId, participantId, attributes, StatusCodes.Status202Accepted, now));
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentLength = 0;
    }

    /// <summary>The <c>attributes</c> object with string values only, or why the body is refused.</summary>
    private static async Task<(Dictionary<string, string>? Attributes, string? Problem)> ReadAttributesAsync(HttpContext context)
    {
        JsonNode? body;
        try
        {
            body = await ReadJsonAsync(context);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }

        if (body is not JsonObject root || root["attributes"] is not JsonObject attributes)
        {
            return (null, "The request body must be an object with an 'attributes' object.");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in attributes)
        {
            if (value is not JsonValue text || !text.TryGetValue<string>(out var s))
            {
                return (null, $"Attribute '{key}' must be a string.");
            }

            result[key] = s;
        }

        return (result, null);
    }

    private Task GetConversationAsync(HttpContext context, string conversationId) =>
        Authorized(context) ? WriteConversationAsync(context, conversationId) : GenesysErrors.UnauthorizedAsync(context);

    private Task WriteConversationAsync(HttpContext context, string conversationId)
    {
        if (simulator.Conversations.Get(conversationId) is not { } participants)
        {
            return GenesysErrors.NotFoundAsync(context, $"Conversation {conversationId} not found");
        }

        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (conversationId, participants), static (w, c) =>
        {
            w.WriteStartObject();
            w.WriteString("id", c.conversationId);
            w.WriteStartArray("participants");
            foreach (var (id, attributes) in c.participants)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("purpose", "customer");
                w.WriteStartObject("attributes");
                foreach (var (key, value) in attributes)
                {
                    w.WriteString(key, value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("selfUri", $"/api/v2/conversations/{c.conversationId}");
            w.WriteEndObject();
        });
    }

    private Task SearchContactsAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            return GenesysErrors.UnauthorizedAsync(context);
        }

        if (simulator.Throttles.ExternalContacts is { } retryAfter)
        {
            return GenesysErrors.TooManyRequestsAsync(context, retryAfter);
        }

        var found = simulator.Contacts.Search(context.Request.Query["q"].ToString());
        var listing = new JsonObject
        {
            ["entities"] = new JsonArray([.. found.Take(20)]),
            ["pageSize"] = 20,
            ["pageNumber"] = 1,
            ["total"] = found.Count,
            ["pageCount"] = Math.Max(1, (found.Count + 19) / 20),
        };
        return WriteNodeAsync(context, StatusCodes.Status200OK, listing);
    }

    private Task GetContactAsync(HttpContext context, string contactId)
    {
        if (!Authorized(context))
        {
            return GenesysErrors.UnauthorizedAsync(context);
        }

        if (simulator.Throttles.ExternalContacts is { } retryAfter)
        {
            return GenesysErrors.TooManyRequestsAsync(context, retryAfter);
        }

        return simulator.Contacts.Get(contactId) is { } contact
            ? WriteNodeAsync(context, StatusCodes.Status200OK, contact)
            : GenesysErrors.NotFoundAsync(context, $"External contact {contactId} not found");
    }

    private async Task CreateContactAsync(HttpContext context)
    {
        if (!Authorized(context))
        {
            await GenesysErrors.UnauthorizedAsync(context);
            return;
        }

        var (contact, raw) = await ReadContactAsync(context);
        var now = simulator.TimeProvider.GetUtcNow();
        if (simulator.Throttles.ExternalContacts is { } retryAfter)
        {
            simulator.Contacts.Record(new GenesysContactWrite("POST", null, raw, StatusCodes.Status429TooManyRequests, now));
            await GenesysErrors.TooManyRequestsAsync(context, retryAfter);
            return;
        }

        if (contact is null)
        {
            simulator.Contacts.Record(new GenesysContactWrite("POST", null, raw, StatusCodes.Status400BadRequest, now));
            await GenesysErrors.BadRequestAsync(context, "The request body must be an external contact object.");
            return;
        }

        var created = simulator.Contacts.Create(contact);
        simulator.Contacts.Record(new GenesysContactWrite("POST", created["id"]!.GetValue<string>(), raw, StatusCodes.Status200OK, now));
        await WriteNodeAsync(context, StatusCodes.Status200OK, created);
    }

    private async Task UpdateContactAsync(HttpContext context, string contactId)
    {
        if (!Authorized(context))
        {
            await GenesysErrors.UnauthorizedAsync(context);
            return;
        }

        var (contact, raw) = await ReadContactAsync(context);
        var now = simulator.TimeProvider.GetUtcNow();
        if (simulator.Throttles.ExternalContacts is { } retryAfter)
        {
            simulator.Contacts.Record(new GenesysContactWrite("PUT", contactId, raw, StatusCodes.Status429TooManyRequests, now));
            await GenesysErrors.TooManyRequestsAsync(context, retryAfter);
            return;
        }

        var updated = contact is null ? null : simulator.Contacts.Replace(contactId, contact);
        var status = contact is null ? StatusCodes.Status400BadRequest : updated is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        simulator.Contacts.Record(new GenesysContactWrite("PUT", contactId, raw, status, now));
        await (status switch
        {
            StatusCodes.Status400BadRequest => GenesysErrors.BadRequestAsync(context, "The request body must be an external contact object."),
            StatusCodes.Status404NotFound => GenesysErrors.NotFoundAsync(context, $"External contact {contactId} not found"),
            _ => WriteNodeAsync(context, StatusCodes.Status200OK, updated!),
        });
    }

    private static async Task<(JsonObject? Contact, string Raw)> ReadContactAsync(HttpContext context)
    {
        var raw = await ReadTextAsync(context);
        try
        {
            return (JsonNode.Parse(raw) as JsonObject, raw);
        }
        catch (JsonException)
        {
            return (null, raw);
        }
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpContext context) => JsonNode.Parse(await ReadTextAsync(context));

    private static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static Task WriteNodeAsync(HttpContext context, int status, JsonNode node) =>
        JsonResponse.WriteAsync(context, status, node, static (w, n) => n.WriteTo(w));

    private bool Authorized(HttpContext context)
    {
        var settings = FaultSettings.For(context);
        return !settings.TokenRevoked
            && simulator.Tokens.IsValid(AuthorizationHeader.Bearer(context.Request), settings.TokenExpired, simulator.Faults.Generation);
    }

    private bool IsClient(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var expected = $"{simulator.Options.GenesysClientId}:{simulator.Options.GenesysClientSecret}";
            return Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())) == expected;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
