using System.Buffers.Binary;
using System.Buffers.Text;

namespace Tributary.Simulators.Dataset;

/// <summary>Provider-looking identifiers derived from a record's index, so they are stable and unique.</summary>
internal static class SampleIds
{
    /// <summary>ZoomInfo person ids are ten-digit numbers.</summary>
    public static long ZoomInfoPerson(int index) => 1_000_000_000L + (index * 7_919L) + 3;

    /// <summary>ZoomInfo company ids are nine-digit numbers.</summary>
    public static long ZoomInfoCompany(int index) => 300_000_000L + (index * 4_127L) + 11;

    /// <summary>Apollo ids look like MongoDB object ids: 24 hex digits.</summary>
    public static string Apollo(string kind, int index) =>
        $"{StableHash.Of(kind + index) & 0xFFFF_FFFF_FFFFUL:x12}{index:x12}";

    /// <summary>Clearbit ids are UUIDs.</summary>
    public static string Clearbit(string kind, int index)
    {
        var high = StableHash.Combine(StableHash.Of("clearbit-" + kind), (ulong)index);
        var low = StableHash.Mix(high ^ (ulong)index);
        return $"{high >> 32:x8}-{(high >> 16) & 0xFFFF:x4}-4{high & 0xFFF:x3}-8{low >> 52:x3}-{low & 0xFFFF_FFFF_FFFFUL:x12}";
    }

    /// <summary>
    /// PDL ids read like base64url: persons 22 characters (16 bytes) plus "_0000", companies 28
    /// characters (21 bytes).
    /// </summary>
    public static string PeopleDataLabs(string kind, int index, int bytes, string suffix)
    {
        Span<byte> raw = stackalloc byte[24];
        var hash = StableHash.Of("pdl-" + kind + index);
        for (var i = 0; i < raw.Length; i += 8)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(raw[i..], hash);
            hash = StableHash.Mix(hash + (ulong)index);
        }

        return Base64Url.EncodeToString(raw[..bytes]) + suffix;
    }
}
