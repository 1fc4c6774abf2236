using System.Text.Json;

namespace Tributary.Host.Pipeline;

/// <summary>
/// Reads a <c>POST /v1/staging</c> body: a JSON array of records. What is wrong is said in the caller's terms and
/// names the record (<c>[3]</c>), never in .NET's (a type name, a JSON path).
/// </summary>
internal static class StagingBody
{
    private const string Example = """e.g. [{"source": "hubspot", "crmId": "1001"}]""";

    /// <summary>Members that may be sent as a JSON number too: ids (HubSpot's are numeric).</summary>
    private static readonly HashSet<string> NumberOrText = new(StringComparer.OrdinalIgnoreCase) { "crmId", "id" };

    /// <summary>The records, or the member at fault (<c>body</c>, <c>[i]</c>) and why.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> body, out List<StagingRequestItem> items, out string field, out string detail)
    {
        items = [];
        (field, detail) = ("body", string.Empty);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            detail = $"The body is not valid JSON; send a JSON array of records, {Example}.";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            {
                detail = root.ValueKind == JsonValueKind.Object
                    ? $"The body must be a JSON array of records, even for one record: {Example}."
                    : $"The body must be a non-empty JSON array of records, {Example}.";
                return false;
            }

            if (root.GetArrayLength() > StagingInput.MaxRecords)
            {
                detail = $"At most {StagingInput.MaxRecords} records per request (got {root.GetArrayLength()}).";
                return false;
            }

            var index = 0;
            foreach (var element in root.EnumerateArray())
            {
                field = $"[{index}]";
                if (ProblemOf(element) is { } problem)
                {
                    detail = $"Record {index}: {problem}.";
                    return false;
                }

                try
                {
                    items.Add(element.Deserialize(PipelineJsonContext.Default.StagingRequestItem)!);
                }
                catch (JsonException)
                {
                    detail = $"Record {index}: it is not a record this endpoint reads ({Example}).";
                    return false;
                }

                index++;
            }
        }

        (field, detail) = (string.Empty, string.Empty);
        return true;
    }

    /// <summary>What makes one element no record: not an object, a member twice, a member that is not text (or a number, for ids).</summary>
    private static string? ProblemOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return "a record must be a JSON object";
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in element.EnumerateObject())
        {
            if (!seen.Add(member.Name))
            {
                return $"'{Shown(member.Name)}' appears twice";
            }

            var known = StagingRequestItem.Members.Contains(member.Name);
            var number = NumberOrText.Contains(member.Name);
            if (known && member.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null) && !(number && member.Value.ValueKind == JsonValueKind.Number))
            {
                return $"'{Shown(member.Name)}' must be {(number ? "text or a number" : "text")}";
            }
        }

        return null;
    }

    private static string Shown(string name) => name.Length <= 32 ? name : name[..32] + "…";
}
