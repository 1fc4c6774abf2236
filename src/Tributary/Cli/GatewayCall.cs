using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tributary.Host.Cli;

/// <summary>
/// One request a verb's <c>--url</c> sends to a running gateway: the key as <c>X-Api-Key</c>, the answer read as JSON,
/// and each failure turned into a message and the contract's exit code (2 for what the caller got wrong: a missing
/// key, an id the gateway does not know; 1 for the rest).
/// </summary>
internal static class GatewayCall
{
    /// <summary>The message for a <c>--url</c> that <see cref="ParseUrl"/> refuses.</summary>
    public const string BadUrl = "--url must be an absolute http(s) URL, e.g. http://127.0.0.1:8080.";

    /// <summary>A gateway's base address from <c>--url</c>, or null when it is not an absolute http(s) URL.</summary>
    public static Uri? ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    /// <param name="gateway">The gateway's base address, e.g. <c>http://127.0.0.1:8080</c>.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path below the base address, starting with <c>/</c>.</param>
    /// <param name="apiKey">One of the gateway's <c>Gateway:ApiKeys</c>, or null for an open gateway.</param>
    /// <param name="answerType">The answer's JSON type.</param>
    /// <param name="answerName">What the answer is, for the message when it is not (<c>a provider report</c>).</param>
    /// <param name="timeout">How long to wait for the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<GatewayAnswer<T>> SendAsync<T>(
        Uri gateway, HttpMethod method, string path, string? apiKey, JsonTypeInfo<T> answerType, string answerName, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(gateway);
        await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.Timeout = timeout;
        var url = new Uri(gateway.AbsoluteUri.TrimEnd('/') + path);
        var call = $"{method} {url}";
        using var request = new HttpRequestMessage(method, url);
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return GatewayAnswer<T>.Failed(ExitCodes.BadArguments, $"the gateway at {gateway} refused the request (401): pass one of its Gateway:ApiKeys with --api-key.");
            }

            if (!response.IsSuccessStatusCode)
            {
                var detail = await ProblemDetailAsync(response, cancellationToken) is { } text ? ": " + text : ".";
                var exitCode = response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound ? ExitCodes.BadArguments : ExitCodes.RuntimeFailure;
                return GatewayAnswer<T>.Failed(exitCode, string.Create(CultureInfo.InvariantCulture, $"the gateway answered {(int)response.StatusCode} to {call}{detail}"));
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var answer = await JsonSerializer.DeserializeAsync(body, answerType, cancellationToken);
            return answer is null
                ? GatewayAnswer<T>.Failed(ExitCodes.RuntimeFailure, $"the gateway's answer to {call} was empty.")
                : new GatewayAnswer<T>(answer, null, ExitCodes.Success);
        }
        catch (HttpRequestException ex)
        {
            return GatewayAnswer<T>.Failed(ExitCodes.RuntimeFailure, $"cannot reach the gateway at {gateway}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return GatewayAnswer<T>.Failed(ExitCodes.RuntimeFailure, string.Create(CultureInfo.InvariantCulture, $"the gateway at {gateway} did not answer within {timeout.TotalSeconds:0} s."));
        }
        catch (JsonException)
        {
            return GatewayAnswer<T>.Failed(ExitCodes.RuntimeFailure, $"the answer to {call} is not {answerName}.");
        }
    }

    /// <summary>The <c>detail</c> of a problem+json answer, or null when the answer is not one.</summary>
    private static async Task<string?> ProblemDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
                ? detail.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a call to a gateway gave: its answer, or a problem to print and the exit code that says so.</summary>
internal sealed record GatewayAnswer<T>(T? Value, string? Problem, int ExitCode)
    where T : class
{
    public static GatewayAnswer<T> Failed(int exitCode, string problem) => new(null, problem, exitCode);
}
