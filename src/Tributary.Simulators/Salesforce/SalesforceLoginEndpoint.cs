using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Salesforce;

/// <summary>
/// <c>POST /services/oauth2/token</c>, form-encoded: <c>grant_type=refresh_token</c> (with <c>client_id</c>,
/// <c>client_secret</c>, <c>refresh_token</c>) or <c>grant_type=client_credentials</c> (with <c>client_id</c>,
/// <c>client_secret</c>). Answers <c>payloads/salesforce-oauth-token-*.json</c> with <c>instance_url</c> the
/// simulator's own base URL, or 400 <c>{"error","error_description"}</c>: <c>invalid_client_id</c> for an unknown
/// client, <c>invalid_client</c> for a wrong secret, <c>invalid_grant</c> for a wrong or revoked refresh token,
/// <c>unsupported_grant_type</c> otherwise.
/// </summary>
internal sealed class SalesforceLoginEndpoint(SalesforceSimulator simulator, SalesforceSessions sessions)
{
    public const string Path = "/services/oauth2/token";

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Path, TokenAsync);

    private async Task TokenAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await SalesforceErrors.LoginErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant type not supported");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var options = simulator.Options;
        var grant = form["grant_type"].ToString();
        if (grant is not ("refresh_token" or "client_credentials"))
        {
            await SalesforceErrors.LoginErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant type not supported");
            return;
        }

        if (form["client_id"] != options.SalesforceClientId)
        {
            await SalesforceErrors.LoginErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_client_id", "client identifier invalid");
            return;
        }

        if (form["client_secret"] != options.SalesforceClientSecret)
        {
            await SalesforceErrors.LoginErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_client", "invalid client credentials");
            return;
        }

        var refresh = grant == "refresh_token";
        if (refresh && (form["refresh_token"] != options.SalesforceRefreshToken || simulator.SalesforceFaults.Current.RefreshTokenRevoked))
        {
            await SalesforceErrors.LoginErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", "expired access/refresh token");
            return;
        }

        simulator.RecordLogin();
        var issuedAt = simulator.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, (token: sessions.Issue(), refresh, issuedAt, simulator.BaseUrl), static (writer, answer) =>
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", answer.token);
            writer.WriteString("signature", "c2ltdWxhdG9yLXNpZ25hdHVyZQ==");
            writer.WriteString("scope", answer.refresh ? "refresh_token api" : "api");
            writer.WriteString("instance_url", answer.BaseUrl);
            writer.WriteString("id", $"{answer.BaseUrl}/id/{SalesforceSessions.OrgId}/0055e000000SIMAAA");
            writer.WriteString("token_type", "Bearer");
            writer.WriteString("issued_at", answer.issuedAt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });
    }
}
