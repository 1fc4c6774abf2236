using System.Buffers;
using System.Text.Json;
using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Caching;

/// <summary>
/// The stored form of a <see cref="CacheEntry"/> (ledger rows, the shared cache): compact JSON written and read
/// by hand so it needs no reflection and keeps every field's provenance.
/// </summary>
public static class CacheEntryJson
{
    public static void Write(IBufferWriter<byte> destination, CacheEntry entry)
    {
        using var writer = new Utf8JsonWriter(destination);
        writer.WriteStartObject();
        writer.WriteString("status", entry.Status.ToWire());
        writer.WriteNumber("confidence", entry.Confidence);
        writer.WriteString("observedAt", entry.ObservedAt);
        writer.WriteString("expiresAt", entry.ExpiresAt);
        writer.WriteStartArray("fields");
        foreach (var (field, value) in entry.Profile.Fields())
        {
            writer.WriteStartObject();
            writer.WriteString("name", field.Name);
            writer.WriteString("kind", field.Kind.ToString());
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value.Value, ProfileJsonContext.Default.ProfileValue);
            writer.WriteString("source", value.Source);
            writer.WriteNumber("confidence", value.Confidence);
            writer.WriteString("observedAt", value.ObservedAt);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static byte[] ToBytes(CacheEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(buffer, entry);
        return buffer.WrittenSpan.ToArray();
    }

    public static CacheEntry Read(ReadOnlySequence<byte> source)
    {
        using var document = JsonDocument.Parse(source);
        return Read(document.RootElement);
    }

    public static CacheEntry Read(ReadOnlySpan<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        using var document = JsonDocument.ParseValue(ref reader);
        return Read(document.RootElement);
    }

    private static CacheEntry Read(JsonElement root)
    {
        var builder = new ProfileBuilder();
        foreach (var item in root.GetProperty("fields").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString()!;
            var kind = Enum.Parse<FieldKind>(item.GetProperty("kind").GetString()!);
            var value = item.GetProperty("value").Deserialize(ProfileJsonContext.Default.ProfileValue);
            builder.Set(
                ProfileFields.Custom(name, kind),
                new FieldValue(value, item.GetProperty("source").GetString()!, item.GetProperty("confidence").GetDouble(), item.GetProperty("observedAt").GetDateTimeOffset()));
        }

        var status = root.GetProperty("status").GetString() == ProviderStatus.Matched.ToWire() ? ProviderStatus.Matched : ProviderStatus.NoMatch;
        return new CacheEntry(
            status,
            builder.Build(),
            root.GetProperty("confidence").GetDouble(),
            root.GetProperty("observedAt").GetDateTimeOffset(),
            root.GetProperty("expiresAt").GetDateTimeOffset());
    }
}
