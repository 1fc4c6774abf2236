using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.Infrastructure;

/// <summary>Lets the endpoint write its answer as usual, then sends it gzip-compressed (the <c>Gzip</c> fault).</summary>
internal static class GzippedAnswer
{
    public static async Task SendAsync(HttpContext context, RequestDelegate next)
    {
        var wire = context.Response.Body;
        using var plain = new MemoryStream();
        context.Response.Body = plain;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = wire;
        }

        using var zipped = new MemoryStream();
        await using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            plain.Position = 0;
            await plain.CopyToAsync(gzip, context.RequestAborted);
        }

        context.Response.Headers.ContentEncoding = "gzip";
        context.Response.ContentLength = zipped.Length;
        zipped.Position = 0;
        await zipped.CopyToAsync(wire, context.RequestAborted);
    }
}
