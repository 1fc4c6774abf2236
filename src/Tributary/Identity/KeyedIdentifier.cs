using Tributary.Storage;

namespace Tributary.Host.Identity;

/// <summary>A normalised identifier with its graph key.</summary>
internal sealed record KeyedIdentifier(Identifier Identifier, IdentityKey Key)
{
    public string Type => Identifier.Type;
}
