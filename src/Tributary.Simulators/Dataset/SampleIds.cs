namespace Tributary.Simulators.Dataset;

/// <summary>Provider-looking identifiers derived from a record's index, so they are stable and unique.</summary>
internal static class SampleIds
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

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

    /// <summary>PDL person ids: 22 base-62 characters and a "_0000" suffix; company ids: 28 characters.</summary>
    public static string PeopleDataLabs(string kind, int index, int length, string suffix)
    {
        var hash = StableHash.Of("pdl-" + kind + index);
        return string.Create(length + suffix.Length, (hash, index, suffix), static (span, state) =>
        {
            var (hash, index, suffix) = state;
            var value = hash;
            var body = span.Length - suffix.Length;
            for (var i = 0; i < body; i++)
            {
                if (i % 10 == 9)
                {
                    value = StableHash.Mix(value + (ulong)index);
                }

                span[i] = Base62[(int)(value % 62)];
                value /= 62;
            }

            suffix.AsSpan().CopyTo(span[body..]);
        });
    }
}
