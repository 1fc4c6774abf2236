using Microsoft.Extensions.Time.Testing;

namespace Tributary.IntegrationTests.Storage;

/// <summary>
/// Base of every conformance test class: the backend is a class fixture (one database per class), and every test
/// starts from empty tables. Each capability has an abstract class of tests and two concrete classes, one per backend.
/// </summary>
public abstract class StoreTests<TBackend>(TBackend backend) : IClassFixture<TBackend>, IAsyncLifetime
    where TBackend : StoreBackend
{
    protected TBackend Backend => backend;

    protected FakeTimeProvider Time => backend.Time;

    protected static CancellationToken None => CancellationToken.None;

    protected T Get<T>()
        where T : notnull => backend.Get<T>();

    public Task InitializeAsync() => backend.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
