namespace Tributary.Storage;

/// <summary>Enums as the store keeps them on every backend: their lower-case names.</summary>
internal static class StoredEnum
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(text, ignoreCase: true);
}
