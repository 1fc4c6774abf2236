using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>
/// A webhook receiver on Kestrel at a free loopback port: keeps every request it gets (headers and raw body) and
/// answers <see cref="FailWith"/> (500 unless set) to the first <see cref="FailFirst"/> of them, 200 after; or, with <see cref="RedirectTo"/> set, a
/// 307 redirect there.
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _received;

    private CallbackReceiver(WebApplication app)
    {
        _app = app;
    }

    public int FailFirst { get; set; }

    public int FailWith { get; set; } = StatusCodes.Status500InternalServerError;

    /// <summary>Where to redirect every request (307, which keeps the method and body), if anywhere.</summary>
    public string? RedirectTo { get; set; }

    public ConcurrentQueue<ReceivedCallback> Requests { get; } = new();

    public string Url => _app.Urls.First() + "/hooks/jobs";

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        app.MapPost("/hooks/jobs", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            receiver.Requests.Enqueue(new ReceivedCallback(
                http.Request.Headers["X-Tributary-Signature"].ToString(),
                http.Request.Headers["X-Tributary-Timestamp"].ToString(),
                http.Request.ContentType,
                body.ToArray(),
                http.Request.ContentLength));
            if (receiver.RedirectTo is { } target)
            {
                return Results.Redirect(target, permanent: false, preserveMethod: true);
            }

            return Interlocked.Increment(ref receiver._received) <= receiver.FailFirst ? Results.StatusCode(receiver.FailWith) : Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the receiver saw it.</summary>
internal sealed record ReceivedCallback(string Signature, string Timestamp, string? ContentType, byte[] Body, long? ContentLength = null);
