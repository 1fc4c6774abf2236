using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.Segment;

/// <summary>Reads a request body up to a limit, as Segment measures requests before parsing them.</summary>
internal static class SegmentRequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (the rest is read and dropped).</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, int limit)
    {
        var body = context.Request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        var tooLarge = false;
        int read;
        while ((read = await body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            // Reading on past the limit lets the client finish sending and see the 400, rather than a reset connection.
            tooLarge |= buffer.Length + read > limit;
            if (!tooLarge)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        return tooLarge ? null : buffer.ToArray();
    }
}
