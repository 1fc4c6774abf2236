using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Gateway;

public sealed class GatewayConfigurationTests
{
    [Fact]
    public async Task NoConfigurationFile_IsWatchedForChanges()
    {
        // A watched file means a watcher on the working directory, which wakes on every write there: the store's WAL
        // on each commit of the ledger. Configuration is read once.
        await using var gateway = await GatewayServer.StartAsync();

        var configuration = (IConfigurationRoot)gateway.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        files.ShouldNotBeEmpty();
        files.ShouldAllBe(file => !file.Source.ReloadOnChange);
    }
}
