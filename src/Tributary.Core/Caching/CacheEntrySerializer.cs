using System.Buffers;
using Microsoft.Extensions.Caching.Hybrid;

namespace Tributary.Caching;

/// <summary>Lets HybridCache keep <see cref="CacheEntry"/> in a shared second level (Redis).</summary>
internal sealed class CacheEntrySerializer : IHybridCacheSerializer<CacheEntry>
{
    public CacheEntry Deserialize(ReadOnlySequence<byte> source) => CacheEntryJson.Read(source) with { Origin = EntryOrigin.Cache };

    public void Serialize(CacheEntry value, IBufferWriter<byte> target) => CacheEntryJson.Write(target, value);
}
