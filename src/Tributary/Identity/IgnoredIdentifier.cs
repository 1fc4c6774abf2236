namespace Tributary.Host.Identity;

/// <summary>An identifier of a request that was not used, and why (<c>blocked</c>: listed in <c>Identity:BlockedValues</c>).</summary>
internal sealed record IgnoredIdentifier(string Type, string Reason);
