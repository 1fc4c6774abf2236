using System.Buffers;

namespace Tributary.Host.HttpApi;

/// <summary>
/// A request body read once into one buffer from the shared pool, so a large submission costs its own size once and
/// the buffer is reused by the next. Cleared when handed back: it held callers' records.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private const int FirstChunk = 64 * 1024;

    private byte[] _buffer;

    private PooledBody(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
    }

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<PooledBody?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var declared = request.ContentLength;
        var body = new PooledBody(declared is { } length ? (int)Math.Min(length, limit) : Math.Min(FirstChunk, limit + 1));
        try
        {
            while (declared is null || body.Length < declared)
            {
                if (body.Length == body._buffer.Length && !body.TryGrow(limit))
                {
                    body.Dispose();
                    return null;
                }

                var read = await request.Body.ReadAsync(body._buffer.AsMemory(body.Length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                body.Length += read;
                if (body.Length > limit)
                {
                    body.Dispose();
                    return null;
                }
            }

            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
            _buffer = [];
        }
    }

    /// <summary>Doubles the buffer, up to one byte past the limit: reading that byte is how an unannounced excess shows.</summary>
    private bool TryGrow(int limit)
    {
        if (_buffer.Length > limit)
        {
            return false;
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, (long)limit + 1));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer, clearArray: true);
        _buffer = larger;
        return true;
    }
}
