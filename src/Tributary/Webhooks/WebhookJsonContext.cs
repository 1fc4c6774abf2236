using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.Webhooks;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WebhookAccepted))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
