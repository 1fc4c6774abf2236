using System.Buffers;
using System.Text.Json;

namespace Tributary.Host.Flat;

/// <summary>
/// A flat answer under a size cap (<c>/v1/enrich?maxBytes=</c>; channels such as CXone's REST action take 32 KB):
/// whole values are emptied, least useful first, until the UTF-8 body fits, so the answer stays valid JSON with every
/// member present (a trimmed string is <c>""</c>, a trimmed number <c>0</c>). Emptied first: <c>providers</c>, then
/// linkedinUrl, revenueRange, phone, email, city, country, companyDomain, employeeCount, industry, department,
/// seniority, the custom fields (last configured first), jobTitle, companyName, lastName, firstName and name. A value
/// emptied on the way is put back afterwards if it fits again, so one huge value costs only itself. <c>confidence</c>,
/// <c>source</c>, <c>partial</c> and <c>requestId</c> are never trimmed.
/// </summary>
internal static class FlatAnswerTrimmer
{
    /// <summary>Standard fields the caller needs most, first; the custom fields rank after <c>jobTitle</c>.</summary>
    private static readonly string[] KeptLongest = ["name", "firstName", "lastName", "companyName", "jobTitle"];

    private static readonly string[] KeptAfterCustom =
        ["seniority", "department", "industry", "employeeCount", "companyDomain", "country", "city", "email", "phone", "revenueRange", "linkedinUrl"];

    /// <summary>
    /// The smallest cap every answer can be trimmed under: the answer with every field empty, with the longest
    /// <paramref name="longestSource"/>, a three-decimal confidence and <c>partial: false</c>.
    /// </summary>
    public static int MinimumBytes(FlatFields fields, string requestId, string longestSource) =>
        Serialize(fields, new FlatAnswer(Profiles.Profile.Empty, 0.999, longestSource, false, string.Empty), requestId, default, trimProviders: true).Length;

    /// <summary>The answer as UTF-8 JSON of at most <paramref name="maxBytes"/> bytes, or null when even the emptied answer is larger.</summary>
    public static byte[]? Write(FlatFields fields, FlatAnswer answer, string requestId, int maxBytes)
    {
        var full = Serialize(fields, answer, requestId, default, trimProviders: false);
        if (full.Length <= maxBytes)
        {
            return full;
        }

        // Members are independent in the output, so emptying one saves exactly its value's length less the empty one's.
        var all = fields.All;
        var savings = new long[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var field = all[i];
            savings[i] = field.Type == FlatFieldType.Number
                ? ValueLength(w => w.WriteNumberValue(field.Number(answer.Profile))) - 1
                : ValueLength(w => w.WriteStringValue(field.Text(answer.Profile))) - 2;
        }

        var providersSaving = ValueLength(w => w.WriteStringValue(answer.Providers)) - 2;
        var order = TrimOrder(fields);
        var trimmed = new bool[all.Count];
        long size = full.Length;
        var trimProviders = providersSaving > 0;
        size -= trimProviders ? providersSaving : 0;
        foreach (var i in order)
        {
            if (size <= maxBytes)
            {
                break;
            }

            if (savings[i] > 0)
            {
                trimmed[i] = true;
                size -= savings[i];
            }
        }

        if (size > maxBytes)
        {
            return null;
        }

        // Put back what fits again, most useful first: a huge low-ranked value should not cost the small ones below it.
        for (var k = order.Length - 1; k >= 0; k--)
        {
            var i = order[k];
            if (trimmed[i] && size + savings[i] <= maxBytes)
            {
                trimmed[i] = false;
                size += savings[i];
            }
        }

        if (trimProviders && size + providersSaving <= maxBytes)
        {
            trimProviders = false;
        }

        return Serialize(fields, answer, requestId, trimmed, trimProviders);
    }

    /// <summary>Field indexes, the first to empty first.</summary>
    private static int[] TrimOrder(FlatFields fields)
    {
        var all = fields.All;
        int IndexOf(string name)
        {
            for (var i = 0; i < all.Count; i++)
            {
                if (!all[i].IsCustom && all[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        var kept = KeptLongest.Select(IndexOf)
            .Concat(Enumerable.Range(0, all.Count).Where(i => all[i].IsCustom))
            .Concat(KeptAfterCustom.Select(IndexOf))
            .Where(i => i >= 0)
            .ToList();

        // Any field not ranked above (a standard field added later) goes first.
        var unranked = Enumerable.Range(0, all.Count).Where(i => !kept.Contains(i));
        return [.. unranked, .. Enumerable.Reverse(kept)];
    }

    private static byte[] Serialize(FlatFields fields, FlatAnswer answer, string requestId, ReadOnlySpan<bool> trimmed, bool trimProviders)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, FlatJsonWriter.Options))
        {
            writer.WriteStartObject();
            FlatJsonWriter.WriteMembers(writer, fields, answer, requestId, trimmed, trimProviders);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static long ValueLength(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, FlatJsonWriter.Options))
        {
            write(writer);
        }

        return buffer.WrittenCount;
    }
}
