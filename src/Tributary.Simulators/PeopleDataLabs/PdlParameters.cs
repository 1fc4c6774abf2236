using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>
/// Enrich parameters from a query string or a JSON object (bulk <c>params</c>, POST bodies). JSON
/// values may be arrays, as in <c>"profile": ["linkedin.com/in/x"]</c>; the first entry is used.
/// </summary>
internal sealed class PdlParameters
{
    private readonly IQueryCollection? _query;
    private readonly JsonElement _json;

    public PdlParameters(IQueryCollection query) => _query = query;

    public PdlParameters(JsonElement json) => _json = json;

    public string? this[string name] => _query is not null ? Text(_query[name].ToString()) : FromJson(name);

    public bool Flag(string name) => string.Equals(this[name], "true", StringComparison.OrdinalIgnoreCase);

    private string? FromJson(string name)
    {
        if (_json.ValueKind != JsonValueKind.Object || !_json.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.EnumerateArray().FirstOrDefault();
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => Text(value.GetString()),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
