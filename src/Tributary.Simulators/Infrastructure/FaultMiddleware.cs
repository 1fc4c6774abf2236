using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.Infrastructure;

/// <summary>
/// Runs in front of every provider endpoint: counts the call, then applies the current faults in
/// the order documented on <see cref="SimulatorFaults"/>. Control paths pass straight through.
/// </summary>
internal sealed class FaultMiddleware(
    SimulatorFaults faults,
    SimulatorCallCounter calls,
    SimulatorCallCounter statuses,
    IProviderConventions conventions,
    TimeProvider timeProvider,
    CancellationToken stopping)
{
    private readonly FixedWindowCounter _window = new(timeProvider, TimeSpan.FromMinutes(1));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments(ControlEndpoints.Prefix))
        {
            await next(context);
            return;
        }

        calls.Record(context.Request.Path.Value ?? "/");
        var settings = faults.Current;
        context.Features.Set(settings);
        try
        {
            if (await ApplyAsync(context, settings))
            {
                await (settings.Gzip ? GzippedAnswer.SendAsync(context, next) : next(context));
            }

            statuses.Record(StatusKey(context.Response.StatusCode));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-delay (a killed caller's calls in flight); there is nobody to answer.
            statuses.Record(Abandoned);
        }
    }

    /// <summary>The key in <see cref="ProviderSimulator.Statuses"/> of requests whose caller went away before the answer.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>The key of a status code in <see cref="ProviderSimulator.Statuses"/>: <c>"429"</c>.</summary>
    public static string StatusKey(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Returns true when the request should reach the endpoint.</summary>
    private async Task<bool> ApplyAsync(HttpContext context, FaultSettings settings)
    {
        var delay = faults.NextDelayMs(settings);
        if (delay > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay), timeProvider, context.RequestAborted);
        }

        if (settings.Hang)
        {
            await HangAsync(context);
            return false;
        }

        if (settings.ConnectionReset)
        {
            context.Abort();
            return false;
        }

        var limit = settings.PerMinuteLimit ?? conventions.DefaultPerMinuteLimit;
        var window = _window.Acquire(limit, enforce: settings.PerMinuteLimit is not null, faults.Generation);
        conventions.WriteRateLimitHeaders(context, window);
        if (!window.Allowed)
        {
            await conventions.WriteRateLimitedAsync(context, window);
            return false;
        }

        if (settings.TooManyRequests)
        {
            await conventions.WriteTooManyRequestsAsync(context, settings.RetryAfterSeconds);
            return false;
        }

        if (faults.ShouldFail(settings))
        {
            await conventions.WriteFailureAsync(context, settings.FailStatus!.Value);
            return false;
        }

        return true;
    }

    private async Task HangAsync(HttpContext context)
    {
        // Waits for the client to give up or the simulator to stop, whichever comes first, and
        // then drops the connection so the client never sees a status line.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, linked.Token);
        }
        catch (OperationCanceledException)
        {
            context.Abort();
        }
    }
}
