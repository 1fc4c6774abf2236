using System.Text.Json.Serialization;

namespace Tributary.Profiles;

/// <summary>Source-generated JSON metadata for profile values.</summary>
[JsonSerializable(typeof(ProfileValue))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
