using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tributary.Host.Dashboard;

/// <summary>Source-generated JSON for the dashboard.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DashboardView))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
