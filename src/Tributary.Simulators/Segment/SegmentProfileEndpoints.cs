using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Segment;

/// <summary>
/// The Profile API's traits: <c>GET /v1/spaces/{space}/collections/users/profiles/user_id:{id}/traits</c>, with the
/// access token as the Basic user name. <c>limit</c> (default 10, at most 200) and <c>next</c> page through the traits;
/// every answer carries a <c>Request-Id</c>. 404 for an unknown user or another id type than <c>user_id</c>.
/// </summary>
internal sealed class SegmentProfileEndpoints(SegmentSimulator simulator)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 200;

    private long _requestIds;

    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/v1/spaces/{space}/collections/{collection}/profiles/{key}/traits", TraitsAsync);

    private Task TraitsAsync(HttpContext context)
    {
        context.Response.Headers["Request-Id"] = string.Create(CultureInfo.InvariantCulture, $"req_sim_{Interlocked.Increment(ref _requestIds):D8}");
        var route = context.Request.RouteValues;
        var space = route["space"] as string;
        if (AuthorizationHeader.BasicUser(context.Request) != simulator.AccessToken || space != simulator.SpaceId)
        {
            return SegmentErrors.UnauthorizedAsync(context, "The access token is not valid for this space.");
        }

        if (route["collection"] as string != "users")
        {
            return SegmentErrors.NotFoundAsync(context, "Collection not found.");
        }

        var key = route["key"] as string ?? "";
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return SegmentErrors.ValidationAsync(context, "The parameter `id` must be <id_type>:<value>.");
        }

        var limit = DefaultLimit;
        if (context.Request.Query["limit"] is { Count: > 0 } text && (!int.TryParse(text, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return SegmentErrors.ValidationAsync(context, $"The parameter `limit` must be between 1 and {MaxLimit}.");
        }

        var traits = key[..colon] == "user_id" ? simulator.Profiles.Get(key[(colon + 1)..]) : null;
        if (traits is null)
        {
            return SegmentErrors.NotFoundAsync(context, "Profile not found.");
        }

        var next = context.Request.Query["next"].ToString();
        var start = next.Length == 0 ? 0 : Math.Max(0, IndexOf(traits, next));
        var page = traits.Skip(start).Take(limit).ToList();
        var following = start + limit < traits.Count ? traits[start + limit].Key : "";
        var url = $"{simulator.BaseUrl}{context.Request.Path}?limit={limit}" + (following.Length > 0 ? "&next=" + Uri.EscapeDataString(following) : "");
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (page, url, following, limit), static (writer, answer) =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("traits");
            foreach (var (name, value) in answer.page)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("cursor");
            writer.WriteString("url", answer.url);
            writer.WriteBoolean("has_more", answer.following.Length > 0);
            writer.WriteString("next", answer.following);
            writer.WriteNumber("limit", answer.limit);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private static int IndexOf(IReadOnlyList<KeyValuePair<string, JsonElement>> traits, string name)
    {
        for (var i = 0; i < traits.Count; i++)
        {
            if (traits[i].Key == name)
            {
                return i;
            }
        }

        return -1;
    }
}
