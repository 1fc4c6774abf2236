namespace Tributary.Host.Flat;

/// <summary>One member of the <c>/v1/enrich</c> answer with its JSON Schema type (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>).</summary>
/// <param name="Name">The member's name.</param>
/// <param name="JsonType">Its JSON Schema type; never null in an answer.</param>
internal sealed record FlatMember(string Name, string JsonType)
{
    /// <summary>
    /// Every member of a real-time flat answer, in order: the fields, then <c>confidence</c>, <c>source</c>,
    /// <c>partial</c>, <c>requestId</c>, <c>providers</c> (as <see cref="FlatJsonWriter"/> writes them).
    /// </summary>
    public static IReadOnlyList<FlatMember> Of(FlatFields fields) =>
    [
        .. fields.All.Select(f => new FlatMember(f.Name, f.Type == FlatFieldType.Number ? "integer" : "string")),
        new("confidence", "number"),
        new("source", "string"),
        new("partial", "boolean"),
        new("requestId", "string"),
        new("providers", "string"),
    ];

    /// <summary>The member's "unknown" value as a JSON literal: <c>""</c>, <c>0</c> or <c>false</c>.</summary>
    public string EmptyLiteral => JsonType switch
    {
        "integer" or "number" => "0",
        "boolean" => "false",
        _ => "\"\"",
    };
}
