using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// The legacy Enterprise API: <c>POST /authenticate</c> (user name and password, or a PKI client JWT)
/// for a JWT, then <c>POST /enrich/contact</c> and <c>POST /enrich/company</c> with up to 25 inputs
/// each and entitled output fields only, one result per input echoing it, in the configured order.
/// </summary>
internal sealed class ZoomInfoEndpoints(ZoomInfoSimulator simulator, ZoomInfoJwt jwt)
{
    private const int MaxInputs = 25;

    private readonly ZoomInfoMatcher _matcher = new(simulator);
    private readonly ZoomInfoClientAssertion _clientAssertion = new(simulator.Options);
    private readonly ZoomInfoEntitlements _entitlements = new(simulator.Options.ZoomInfoEntitledFields);

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/authenticate", context => AuthenticateAsync(context));
        var enrich = endpoints.MapGroup("/enrich");
        enrich.MapPost("/contact", context => EnrichAsync(context, "matchPersonInput", _matcher.MatchPerson, ZoomInfoContactJson.Write));
        enrich.MapPost("/company", context => EnrichAsync(context, "matchCompanyInput", _matcher.MatchCompany, ZoomInfoCompanyJson.Write));
    }

    private async Task AuthenticateAsync(HttpContext context)
    {
        string? username;
        if (AuthorizationHeader.Bearer(context.Request) is { } clientJwt)
        {
            // PKI: the client signs its own short-lived JWT; there is no body.
            (username, var refusal) = _clientAssertion.Verify(clientJwt);
            if (username is null)
            {
                await ZoomInfoErrors.UnauthorizedAsync(context, refusal!);
                return;
            }
        }
        else
        {
            (username, var password) = await ReadCredentialsAsync(context.Request, context.RequestAborted);
            var options = simulator.Options;
            if (username != options.ZoomInfoUsername || password != options.ZoomInfoPassword)
            {
                await ZoomInfoErrors.UnauthorizedAsync(context, "Invalid username or password.");
                return;
            }
        }

        simulator.RecordAuthentication();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, jwt.Issue(username), static (writer, token) =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("success", true);
            writer.WriteString("jwt", token);
            writer.WriteEndObject();
        });
    }

    private async Task EnrichAsync<T>(HttpContext context, string inputName, Func<JsonElement, T?> match, Action<ZoomInfoRecordWriter, T> writeRecord)
        where T : class
    {
        var token = jwt.Check(AuthorizationHeader.Bearer(context.Request));
        if (token != ZoomInfoTokenState.Valid)
        {
            await ZoomInfoErrors.UnauthorizedAsync(context, token switch
            {
                ZoomInfoTokenState.Missing => "Missing Authorization header with a Bearer token.",
                ZoomInfoTokenState.Expired => "The JWT has expired. Please re-authenticate.",
                _ => "Invalid JWT.",
            });
            return;
        }

        if (FaultSettings.For(context).CreditsExhausted)
        {
            await ZoomInfoErrors.RecordLimitAsync(context);
            return;
        }

        using var body = await ParseAsync(context);
        if (body is null)
        {
            await ZoomInfoErrors.BadRequestAsync(context, "The request body is not valid JSON.");
            return;
        }

        var fields = ZoomInfoOutputFields.From(body.RootElement);
        if (fields is null)
        {
            await ZoomInfoErrors.BadRequestAsync(context, "Missing outputFields parameter");
            return;
        }

        if (_entitlements.Refused(fields.Requested) is { Count: > 0 } refused)
        {
            await ZoomInfoErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "ZI0003",
                $"You are not entitled to the following output fields: {string.Join(", ", refused)}");
            return;
        }

        if (!ZoomInfoOutputFields.TryGetProperty(body.RootElement, inputName, out var inputs)
            || inputs.ValueKind != JsonValueKind.Array || inputs.GetArrayLength() == 0)
        {
            await ZoomInfoErrors.BadRequestAsync(context, $"Missing {inputName} parameter");
            return;
        }

        if (inputs.GetArrayLength() > MaxInputs)
        {
            await ZoomInfoErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "PFAPI0002",
                $"A maximum of {MaxInputs} {inputName} entries is allowed per request.");
            return;
        }

        var results = Order(inputs.EnumerateArray().Select(input => (input, record: match(input))).ToArray(), simulator.Options.ZoomInfoResultOrder);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (results, fields, writeRecord), static (writer, state) =>
            ZoomInfoEnrichResponse.Write(writer, state.results, state.fields, state.writeRecord));
    }

    /// <summary>Reorders results as configured: a fixed permutation other than the identity, perhaps without input 0's.</summary>
    private static T[] Order<T>(T[] results, ZoomInfoResultOrder order)
    {
        if (order == ZoomInfoResultOrder.InputOrder || results.Length == 0)
        {
            return results;
        }

        var positions = Enumerable.Range(0, results.Length).OrderBy(n => Dataset.StableHash.Mix((ulong)n + 1)).ToArray();
        if (positions.SequenceEqual(Enumerable.Range(0, results.Length)))
        {
            Array.Reverse(positions);
        }

        return positions.Where(n => order != ZoomInfoResultOrder.ShuffledOneMissing || n != 0).Select(n => results[n]).ToArray();
    }

    private static async Task<JsonDocument?> ParseAsync(HttpContext context)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The docs show a JSON body; ZoomInfo's own Python client posts the same fields form-encoded.</summary>
    private static async Task<(string? Username, string? Password)> ReadCredentialsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (form["username"].ToString(), form["password"].ToString());
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var root = document.RootElement;
            return (ReadString(root, "username"), ReadString(root, "password"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? ReadString(JsonElement root, string name) =>
        ZoomInfoOutputFields.TryGetProperty(root, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
