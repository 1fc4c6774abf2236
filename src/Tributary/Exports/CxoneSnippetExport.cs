using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tributary.Host.Flat;

namespace Tributary.Host.Exports;

/// <summary>
/// The NICE CXone Studio side of the same call (reference §2): a SNIPPET that builds the request body and headers,
/// the properties of the REST API action that posts it to <c>{gateway}/v1/enrich</c> (JSON only, at most 90 s, at most
/// 32 KB answered, so the URL asks the gateway for <c>maxBytes=32768</c>), and a SNIPPET that copies every flat field
/// of the action's <c>resultSet</c> into a script variable. Generated from the flat contract like the Genesys export.
/// </summary>
/// <remarks>
/// Studio's documented member access is <c>object.member</c> with a plain name (<c>beowulfCharacteristics.occupation</c>);
/// no form for other names is documented (reference §2 has none), and <c>enrichResult.loyalty-tier</c> would read as a
/// subtraction. A member whose name is not a plain identifier is therefore not copied: its output has no variable and
/// the notes name it, so an admin can rename the field (<c>Providers:Http:&lt;Name&gt;:Mapping:loyaltyTier</c>).
/// </remarks>
internal static partial class CxoneSnippetExport
{
    /// <summary>The REST API action's answer limit.</summary>
    public const int MaxResponseBytes = 32 * 1024;

    public static JsonObject Build(FlatFields fields, string gatewayUrl, int timeoutSeconds)
    {
        var members = FlatMember.Of(fields);
        var outputs = new JsonArray();
        var after = new StringBuilder();
        var notCopied = new List<string>();
        foreach (var member in members)
        {
            string? variable = null;
            if (PlainName().IsMatch(member.Name))
            {
                variable = "enrich" + char.ToUpperInvariant(member.Name[0]) + member.Name[1..];
                after.Append("ASSIGN ").Append(variable).Append(" = enrichResult.").Append(member.Name).Append('\n');
            }
            else
            {
                notCopied.Add(member.Name);
            }

            outputs.Add(new JsonObject { ["field"] = member.Name, ["type"] = member.JsonType, ["variable"] = variable, ["default"] = member.EmptyLiteral });
        }

        var notes = "Set TributaryApiKey (a Gateway:ApiKeys key) before the first SNIPPET. Every field is always present: unknown strings are \"\", numbers 0.";
        if (notCopied.Count > 0)
        {
            notes += $" Not copied, as Studio documents member access only for plain names (letters, digits, _): {string.Join(", ", notCopied)}; rename the field (Providers:Http:<Name>:Mapping:<field>) to copy it.";
        }

        return new JsonObject
        {
            ["name"] = "Tributary - Enrich caller",
            ["product"] = "NICE CXone Studio",
            ["snippetBefore"] = "DYNAMIC enrichRequest\nenrichRequest.phone = \"{ANI}\"\nASSIGN enrichBody = \"{enrichRequest.asjson()}\"\n"
                + "DYNAMIC enrichHeaders\nenrichHeaders.Authorization = \"Bearer {TributaryApiKey}\"\nenrichHeaders.Accept = \"application/json\"\n",
            ["restApiAction"] = new JsonObject
            {
                ["verb"] = "POST",
                ["url"] = $"{gatewayUrl.TrimEnd('/')}/v1/enrich?maxBytes={MaxResponseBytes}",
                ["contentType"] = "application/json",
                ["headers"] = "{enrichHeaders}",
                ["body"] = "{enrichBody}",
                ["timeoutSeconds"] = Math.Clamp(timeoutSeconds, 1, 90),
                ["resultSet"] = "enrichResult",
                ["errorDetails"] = "enrichError",
            },
            ["snippetAfter"] = after.ToString(),
            ["outputs"] = outputs,
            ["notes"] = notes,
        };
    }

    /// <summary>A name Studio reads after a dot as one member: ASCII letters, digits and <c>_</c>, not starting with a digit.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainName();
}
