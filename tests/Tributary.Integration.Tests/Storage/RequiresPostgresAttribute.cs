namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// Marks a test class that needs a PostgreSQL server: its <see cref="StoreFactAttribute"/> tests are skipped, with the
/// reason, where none is available (never in CI).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresAttribute : Attribute;
