namespace Tributary.Profiles;

/// <summary>The shape of a profile field's value.</summary>
public enum FieldKind
{
    Text,
    Number,
    List,
}
