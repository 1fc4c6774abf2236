using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.DeadLetters;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeadLetterView[]))]
[JsonSerializable(typeof(DeadLetterReplayed))]
internal sealed partial class DeadLetterJsonContext : JsonSerializerContext;
