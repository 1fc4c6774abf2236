using System.Net;
using System.Net.Sockets;

namespace Tributary.Host.Gateway;

/// <summary>
/// Whether the addresses to listen on are free, asked before anything starts. Kestrel finds a taken port only after the
/// background services started, and tearing them down mid-work filled the log with cancelled queries and a warm-up
/// lookup cut short around the one line that mattered.
/// </summary>
internal static class TakenPorts
{
    /// <summary>Throws what Kestrel would (<c>Failed to bind to address …: address already in use.</c>) for the first taken address.</summary>
    public static void ThrowIfAnyTaken(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (EndPointOf(url) is { } endPoint && IsTaken(endPoint))
            {
                throw new IOException($"Failed to bind to address {url}: address already in use.");
            }
        }
    }

    // Only addresses this check can bind as Kestrel would: an IP or localhost, a fixed port. Others are left to Kestrel.
    private static IPEndPoint? EndPointOf(string url)
    {
        var wildcard = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        var address = uri.IsLoopback && !IPAddress.TryParse(uri.Host, out _) ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed
            : null;
        return address is null ? null : new IPEndPoint(address, uri.Port);
    }

    private static bool IsTaken(IPEndPoint endPoint)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);

        // As Kestrel does, so that a connection of a previous run still in TIME_WAIT does not read as taken.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(endPoint);
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
    }
}
