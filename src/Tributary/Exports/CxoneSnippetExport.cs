using System.Text;
using System.Text.Json.Nodes;
using Tributary.Host.Flat;

namespace Tributary.Host.Exports;

/// <summary>
/// The NICE CXone Studio side of the same call (reference §2): a SNIPPET that builds the request body and headers,
/// the properties of the REST API action that posts it to <c>{gateway}/v1/enrich</c> (JSON only, at most 90 s, at most
/// 32 KB answered, so the URL asks the gateway for <c>maxBytes=32768</c>), and a SNIPPET that copies every flat field
/// of the action's <c>resultSet</c> into a script variable. Generated from the flat contract like the Genesys export.
/// </summary>
internal static class CxoneSnippetExport
{
    /// <summary>The REST API action's answer limit.</summary>
    public const int MaxResponseBytes = 32 * 1024;

    public static JsonObject Build(FlatFields fields, string gatewayUrl, int timeoutSeconds)
    {
        var members = FlatMember.Of(fields);
        var outputs = new JsonArray();
        var after = new StringBuilder();
        foreach (var member in members)
        {
            var variable = "enrich" + char.ToUpperInvariant(member.Name[0]) + GenesysDataActionExport.VelocityName(member.Name)[1..];
            outputs.Add(new JsonObject { ["field"] = member.Name, ["type"] = member.JsonType, ["variable"] = variable, ["default"] = member.EmptyLiteral });
            after.Append("ASSIGN ").Append(variable).Append(" = enrichResult.").Append(member.Name).Append('\n');
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
            ["notes"] = "Set TributaryApiKey (a Gateway:ApiKeys key) before the first SNIPPET. Every field is always present: unknown strings are \"\", numbers 0.",
        };
    }
}
