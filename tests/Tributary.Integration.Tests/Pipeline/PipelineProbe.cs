using System.Net.Http.Json;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>Waits, through <c>GET /v1/pipeline</c>, for the worker to finish what was staged.</summary>
internal static class PipelineProbe
{
    /// <summary>Until nothing is staged and the latest run has finished.</summary>
    public static async Task<JsonElement> WaitForRunAsync(HttpClient client, TimeSpan? timeout = null)
    {
        JsonElement status = default;
        await Eventually.TrueAsync(
            async () =>
            {
                status = await client.GetFromJsonAsync<JsonElement>("/v1/pipeline");
                return status.GetProperty("staged").GetInt64() == 0 && LatestRunFinished(status);
            },
            "the pipeline run to finish",
            timeout ?? TimeSpan.FromSeconds(30));
        return status;
    }

    /// <summary>Until the latest run has finished, whatever is left staged (waiting for a retry time).</summary>
    public static async Task<JsonElement> WaitForIdleRunAsync(HttpClient client)
    {
        JsonElement status = default;
        await Eventually.TrueAsync(
            async () =>
            {
                status = await client.GetFromJsonAsync<JsonElement>("/v1/pipeline");
                return LatestRunFinished(status);
            },
            "the pipeline run to finish",
            TimeSpan.FromSeconds(30));
        return status;
    }

    private static bool LatestRunFinished(JsonElement status) =>
        status.GetProperty("runs").GetArrayLength() > 0
        && status.GetProperty("runs")[0].TryGetProperty("finishedAt", out var finished)
        && finished.ValueKind != JsonValueKind.Null;
}
