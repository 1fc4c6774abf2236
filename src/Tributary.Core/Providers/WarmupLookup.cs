using System.Net;
using System.Text;

namespace Tributary.Providers;

/// <summary>
/// A lookup made right after start, so the first caller's does not pay for compiling its whole path (the engine, the
/// providers' pipelines and connectors, the cache and the ledger) within its budget. While <see cref="Active"/> is set
/// on the calling flow, every provider call is answered on the spot by <see cref="WarmupShortCircuit"/>, before the
/// network, with a <c>400</c>: no provider sees it or bills it, no answer is stored, and the metrics leave it out.
/// </summary>
public static class WarmupLookup
{
    private static readonly AsyncLocal<bool> Flag = new();

    /// <summary>Whether the current flow is the warm-up lookup.</summary>
    public static bool Active => Flag.Value;

    /// <summary>Marks the current flow as the warm-up until the scope is disposed.</summary>
    public static IDisposable Begin()
    {
        Flag.Value = true;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Flag.Value = false;
    }
}

/// <summary>On every provider's HTTP client, closest to the wire: answers the warm-up lookup's calls itself.</summary>
internal sealed class WarmupShortCircuit : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        WarmupLookup.Active
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { RequestMessage = request, Content = new StringContent("{}", Encoding.UTF8, "application/json") })
            : base.SendAsync(request, cancellationToken);
}
