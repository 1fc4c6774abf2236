using Tributary.Storage;

namespace Tributary.IntegrationTests.Runs;

/// <summary>The <c>api_versions</c> column reads what it writes, and the list shape of rows written before versions were recorded.</summary>
public sealed class ApiVersionsJsonTests
{
    [Fact]
    public void Write_ThenRead_KeepsOneVersionPerProvider()
    {
        var versions = new Dictionary<string, string> { ["clearbit"] = "2015-05-30", ["zoominfo"] = "enterprise" };

        var json = ApiVersionsJson.Write(versions);

        json.ShouldBe("""{"clearbit":"2015-05-30","zoominfo":"enterprise"}""");
        ApiVersionsJson.Read(json).ShouldBe(versions, ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"clearbit":["2014-01-01","2015-05-30"],"zoominfo":[]}""")]
    [InlineData("""{"clearbit":"2015-05-30","pdl":7}""")]
    public void Read_OlderOrOddShapes_KeepsTheLastTextualVersion(string json) =>
        ApiVersionsJson.Read(json).ShouldBe(new Dictionary<string, string> { ["clearbit"] = "2015-05-30" });

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    public void Read_Nothing_IsEmpty(string? json) => ApiVersionsJson.Read(json).ShouldBeEmpty();
}
