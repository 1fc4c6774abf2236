namespace Tributary.Storage;

/// <summary>Bound from <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (default, an embedded file) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Default for SQLite: <c>Data Source=tributary.db</c> in the working directory.</summary>
    public string? ConnectionString { get; set; }
}
