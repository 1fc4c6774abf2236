using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Host.Flat;
using Tributary.Host.Pipeline;

namespace Tributary.IntegrationTests.Pipeline;

public sealed class WriteBackOptionsTests
{
    [Theory]
    [InlineData("Pipeline:WriteBack:Protected", "Title, Phone")]
    [InlineData("Pipeline:WriteBack:Protected:0", "Title")]
    public void ProtectedFields_AreReadAsAListOrAsOneCommaSeparatedValue(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(FlatFields.StandardOnly).AddPipeline().BuildServiceProvider();

        var writeBack = services.GetRequiredService<IOptions<PipelineOptions>>().Value.WriteBack;

        writeBack.Protected.ShouldBe(value.Split(',', StringSplitOptions.TrimEntries));
    }
}
