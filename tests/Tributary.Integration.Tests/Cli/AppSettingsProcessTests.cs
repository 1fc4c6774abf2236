using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Cli;

/// <summary>
/// Every verb reads <c>appsettings.json</c> from the working directory, as <c>serve</c> does: a <c>forget</c> run
/// beside a gateway's settings must erase from that gateway's store, not from a new one.
/// </summary>
public sealed class AppSettingsProcessTests
{
    [Fact]
    public async Task Providers_ReadsTheWorkingDirectorysAppSettings()
    {
        using var directory = new TempDirectory();
        await WriteSettingsAsync(directory, """{ "Providers": { "Clearbit": { "CostPerCall": 7 } } }""");

        await using var run = await TributaryProcess.RunAsync(["providers", "--json"], workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(0, run.Output);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var clearbit = document.RootElement.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "clearbit");
        clearbit.GetProperty("costPerCall").GetDecimal().ShouldBe(7);
    }

    [Theory]
    [InlineData("db", "migrate")]
    [InlineData("forget", "--email", "someone@example.com")]
    public async Task Verb_UsesTheStoreTheAppSettingsName(params string[] verb)
    {
        using var directory = new TempDirectory();
        await WriteSettingsAsync(directory, """{ "Storage": { "ConnectionString": "Data Source=configured.db" } }""");

        await using var run = await TributaryProcess.RunAsync(verb, workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(0, run.Output);
        File.Exists(Path.Combine(directory.Path, "configured.db")).ShouldBeTrue(run.Output);
        File.Exists(Path.Combine(directory.Path, "tributary.db")).ShouldBeFalse();
    }

    private static Task WriteSettingsAsync(TempDirectory directory, string json) =>
        File.WriteAllTextAsync(Path.Combine(directory.Path, "appsettings.json"), json);
}
