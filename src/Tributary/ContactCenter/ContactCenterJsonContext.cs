using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.ContactCenter;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CallerEvent))]
[JsonSerializable(typeof(ContactUpdate))]
internal sealed partial class ContactCenterJsonContext : JsonSerializerContext;
