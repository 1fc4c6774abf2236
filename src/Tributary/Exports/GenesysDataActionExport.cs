using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tributary.Host.Flat;

namespace Tributary.Host.Exports;

/// <summary>
/// The Genesys Cloud Web Services Data Action that calls <c>POST {gateway}/v1/enrich</c>, in the import/export shape
/// (payloads/genesys-data-action-contract.json), generated from the flat contract so every field, custom ones
/// included, is in the success schema with its type, in the translation map, and in the defaults as a JSON literal.
/// </summary>
internal static partial class GenesysDataActionExport
{
    /// <param name="fields">The flat contract of the gateway the action will call.</param>
    /// <param name="gatewayUrl">The gateway's public base URL.</param>
    /// <param name="timeoutSeconds">The action's <c>timeoutSeconds</c> (1–60).</param>
    public static JsonObject Build(FlatFields fields, string gatewayUrl, int timeoutSeconds)
    {
        var members = FlatMember.Of(fields);
        var translationMap = new JsonObject();
        var defaults = new JsonObject();
        var properties = new JsonObject();
        var template = new List<string>();
        foreach (var member in members)
        {
            // Translation names become Velocity variables: only letters, digits and underscores are safe there.
            var variable = VelocityName(member.Name);
            translationMap[variable] = SimpleName().IsMatch(member.Name) ? $"$.{member.Name}" : $"$['{member.Name.Replace("'", "\\'", StringComparison.Ordinal)}']";
            defaults[variable] = member.EmptyLiteral;
            properties[member.Name] = new JsonObject { ["type"] = member.JsonType };
            template.Add($"{JsonValue.Create(member.Name).ToJsonString()}: ${{{variable}}}");
        }

        return new JsonObject
        {
            ["name"] = "Tributary - Enrich caller",
            ["integrationType"] = "custom-rest-actions",
            ["actionType"] = "custom",
            ["secure"] = false,
            ["config"] = new JsonObject
            {
                ["timeoutSeconds"] = Math.Clamp(timeoutSeconds, 1, 60),
                ["request"] = new JsonObject
                {
                    ["requestUrlTemplate"] = $"{gatewayUrl.TrimEnd('/')}/v1/enrich",
                    ["requestType"] = "POST",
                    ["headers"] = new JsonObject
                    {
                        ["Authorization"] = "Bearer ${credentials.apiKey}",
                        ["Content-Type"] = "application/json",
                        ["Accept"] = "application/json",
                    },
                    // Every input escaped for a JSON string; email only when the flow passes one.
                    ["requestTemplate"] = "{\"phone\": \"$esc.jsonString(${input.phone})\"#if($input.email), \"email\": \"$esc.jsonString(${input.email})\"#end}",
                },
                ["response"] = new JsonObject
                {
                    ["translationMap"] = translationMap,
                    ["translationMapDefaults"] = defaults,
                    ["successTemplate"] = "{" + string.Join(", ", template) + "}",
                },
            },
            ["contract"] = new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["inputSchema"] = new JsonObject
                    {
                        ["$schema"] = "http://json-schema.org/draft-04/schema#",
                        ["title"] = "Request",
                        ["type"] = "object",
                        ["required"] = new JsonArray("phone"),
                        ["properties"] = new JsonObject
                        {
                            ["phone"] = new JsonObject { ["type"] = "string", ["description"] = "The caller's number, e.g. Call.Ani (tel:+13175550123 or +13175550123)." },
                            ["email"] = new JsonObject { ["type"] = "string", ["description"] = "Optional: the caller's email, when the flow knows it." },
                        },
                        ["additionalProperties"] = true,
                    },
                },
                ["output"] = new JsonObject
                {
                    ["successSchema"] = new JsonObject
                    {
                        ["$schema"] = "http://json-schema.org/draft-04/schema#",
                        ["title"] = "Response",
                        ["type"] = "object",
                        ["properties"] = properties,
                        ["additionalProperties"] = true,
                    },
                },
            },
        };
    }

    /// <summary>The Velocity-safe variable name of a member (the flat names are camelCase; a custom one may not be).</summary>
    public static string VelocityName(string name)
    {
        var safe = UnsafeCharacters().Replace(name, "_");
        return char.IsAsciiLetter(safe[0]) ? safe : "f_" + safe;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleName();

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex UnsafeCharacters();
}
