using System.Text.Json;
using System.Text.Json.Serialization;
using Tributary.Host.Contracts;
using Tributary.Host.Flat;
using Tributary.Host.Providers;

namespace Tributary.Host.Cli;

/// <summary>Indented JSON for humans reading CLI output.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ProfileResponse))]
[JsonSerializable(typeof(IReadOnlyList<ProviderReport>))]
internal sealed partial class CliJson : JsonSerializerContext
{
    public static CliJson Indented { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = FlatJsonWriter.Encoder });
}
