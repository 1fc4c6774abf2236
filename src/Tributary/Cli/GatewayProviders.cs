using System.Net;
using System.Text.Json;
using Tributary.Host.Providers;

namespace Tributary.Host.Cli;

/// <summary>Reads a running gateway's provider report (<c>GET /v1/providers</c>) for <c>tributary providers --url</c>.</summary>
internal static class GatewayProviders
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The reports, or why there are none and the exit code that says so.</summary>
    public static async Task<Answer> FetchAsync(Uri gateway, string? apiKey, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.Timeout = AnswerTimeout;
        var url = new Uri(gateway.AbsoluteUri.TrimEnd('/') + "/v1/providers");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return Answer.Failed(ExitCodes.BadArguments, $"the gateway at {gateway} refused the request (401): pass one of its Gateway:ApiKeys with --api-key.");
            }

            if (!response.IsSuccessStatusCode)
            {
                return Answer.Failed(ExitCodes.RuntimeFailure, $"the gateway answered {(int)response.StatusCode} to GET {url}.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var reports = await JsonSerializer.DeserializeAsync(body, CliJson.Default.IReadOnlyListProviderReport, cancellationToken);
            return reports is null
                ? Answer.Failed(ExitCodes.RuntimeFailure, $"the gateway's answer to GET {url} was empty.")
                : new Answer(reports, null, ExitCodes.Success);
        }
        catch (HttpRequestException ex)
        {
            return Answer.Failed(ExitCodes.RuntimeFailure, $"cannot reach the gateway at {gateway}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Answer.Failed(ExitCodes.RuntimeFailure, $"the gateway at {gateway} did not answer within {AnswerTimeout.TotalSeconds:0} s.");
        }
        catch (JsonException)
        {
            return Answer.Failed(ExitCodes.RuntimeFailure, $"the answer to GET {url} is not a provider report.");
        }
    }

    /// <summary>What a fetch gave: the reports, or a problem to print and the exit code.</summary>
    internal sealed record Answer(IReadOnlyList<ProviderReport>? Reports, string? Problem, int ExitCode)
    {
        public static Answer Failed(int exitCode, string problem) => new(null, problem, exitCode);
    }
}
