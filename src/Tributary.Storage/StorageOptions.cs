namespace Tributary.Storage;

/// <summary>Bound from <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The embedded default: one SQLite file.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The shared store for several processes and machines.</summary>
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default, an embedded file) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// For SQLite, default <c>Data Source=tributary.db</c> in the working directory. For PostgreSQL, required: an Npgsql
    /// connection string such as <c>Host=db;Username=tributary;Password=…;Database=tributary</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    internal bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    internal bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
