using System.Net.Http.Json;
using System.Text.Json;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>What a caller of the jobs API does: submit, poll until a state, read the results.</summary>
internal static class JobsClient
{
    public static async Task<string> SubmitAsync(HttpClient client, string body, string? contentType = null)
    {
        using var content = new StringContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await client.PostAsync("/v1/jobs", content);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(202, text);
        using var accepted = JsonDocument.Parse(text);
        var id = accepted.RootElement.GetProperty("jobId").GetString()!;
        accepted.RootElement.GetProperty("id").GetString().ShouldBe(id);
        accepted.RootElement.GetProperty("status").GetString().ShouldBe("queued");
        response.Headers.Location!.ToString().ShouldBe($"/v1/jobs/{id}");
        return id;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{id}");

    /// <summary>Polls until <paramref name="condition"/> holds for the job's status, or fails after <paramref name="seconds"/>.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string id, Func<JsonElement, bool> condition, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await GetAsync(client, id);
            if (condition(job))
            {
                return job;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("job did not get there: " + job);
            }

            await Task.Delay(50);
        }
    }

    public static Task<JsonElement> WaitForCompletionAsync(HttpClient client, string id, int seconds = 60) =>
        WaitAsync(client, id, job => job.GetProperty("status").GetString() is "completed" or "failed", seconds);

    public static async Task<List<JsonElement>> ResultsAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/v1/jobs/{id}/results");
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }
}
