using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Host.Flat;
using Tributary.Privacy;

namespace Tributary.Host.Identity;

/// <summary>
/// The resolve summary: a profile's kept traits, at most <c>Identity:SummaryMaxBytes</c> serialized. Fields are taken
/// by priority — the flat contract's order (name, first and last name, job title, company …, then the configured
/// custom fields such as a loyalty tier), then any other trait by name — and a field that does not fit is dropped,
/// so what is dropped is always of lower priority than what is kept, or too large to keep at all.
/// </summary>
internal sealed class SummaryBuilder
{
    private readonly Dictionary<string, int> _priority = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _maxBytes;

    private readonly SensitiveValueMasker _masker;
    private readonly JsonWriterOptions _asAnswered;

    public SummaryBuilder(FlatFields fields, IOptions<IdentityOptions> options, SensitiveValueMasker masker, IOptions<JsonOptions> answers)
    {
        _masker = masker;
        ArgumentNullException.ThrowIfNull(answers);

        // Measured with the encoder the answer is written with (ASP.NET's writes non-ASCII text as it is, escapes emoji).
        _asAnswered = new JsonWriterOptions { Encoder = answers.Value.SerializerOptions.Encoder };
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(options);
        _maxBytes = options.Value.SummaryMaxBytes;
        foreach (var field in fields.All)
        {
            _priority.TryAdd(field.Name, _priority.Count);
            if (field.Name == "companyName")
            {
                // identify's traits say "company", as the resolve request does.
                _priority.TryAdd("company", _priority.Count);
            }
        }
    }

    /// <summary>The summary object; <c>{}</c> for no traits.</summary>
    public JsonElement Build(string traits)
    {
        // Traits are kept as identify gave them; what leaves in a summary is masked (SSNs, card numbers, masked fields).
        using var document = JsonDocument.Parse(_masker.Mask(JsonNode.Parse(traits))?.ToJsonString() ?? "{}");
        var ordered = document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement.EnumerateObject()
                .Where(static p => p.Name != AnsweredFields.Member)
                .OrderBy(p => _priority.TryGetValue(p.Name, out var rank) ? rank : int.MaxValue)
                .ThenBy(p => p.Name, StringComparer.Ordinal)
                .ToList()
            : [];

        // Each member is measured as the response writes it, plus a comma.
        var buffer = new ArrayBufferWriter<byte>();
        var used = 2;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in ordered)
            {
                var cost = Measure(property, _asAnswered) + (used > 2 ? 1 : 0);
                if (used + cost <= _maxBytes)
                {
                    property.WriteTo(writer);
                    used += cost;
                }
            }

            writer.WriteEndObject();
        }

        using var summary = JsonDocument.Parse(buffer.WrittenMemory);
        return summary.RootElement.Clone();
    }

    private static int Measure(JsonProperty property, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            property.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenCount - 2;
    }
}
