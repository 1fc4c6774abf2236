using Xunit.Sdk;

namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// A fact of the storage conformance suite. The same test method runs once per backend (it is inherited by a SQLite
/// and a PostgreSQL class), so whether to skip depends on the class, not the method: <see cref="StoreFactDiscoverer"/>
/// decides per class.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Tributary.IntegrationTests.Storage.StoreFactDiscoverer", "Tributary.Integration.Tests")]
public sealed class StoreFactAttribute : FactAttribute;
