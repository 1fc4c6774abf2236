using System.Text.Json;
using Tributary.Connectors.LenientJson;

namespace Tributary.Tests.Connectors.LenientJson;

public sealed class LenientNumberTests
{
    [Theory]
    [InlineData("1000", 1000L)]
    [InlineData("1,000", 1000L)]
    [InlineData(" 1,250,000 ", 1250000L)]
    [InlineData("1 000", 1000L)]
    [InlineData("1\u202f000", 1000L)]
    [InlineData("1_000", 1000L)]
    [InlineData("1500.4", 1500L)]
    [InlineData("-12", -12L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("1e20", null)]
    [InlineData("9223372036854775808", null)]
    [InlineData("about 1000", null)]
    [InlineData("51-200", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Whole_FromText(string? text, long? expected) => LenientNumber.Whole(text).ShouldBe(expected);

    [Theory]
    [InlineData("1000", 1000L)]
    [InlineData("1000.0", 1000L)]
    [InlineData("\"1,000\"", 1000L)]
    [InlineData("1e20", null)]
    [InlineData("-1e300", null)]
    [InlineData("true", null)]
    [InlineData("{\"value\":1}", null)]
    public void Whole_FromJson(string json, long? expected)
    {
        using var document = JsonDocument.Parse(json);

        LenientNumber.Whole(document.RootElement).ShouldBe(expected);
    }

    [Theory]
    [InlineData("0.85", 0.85)]
    [InlineData("1,250,000.50", 1250000.5)]
    [InlineData("1e400", null)]
    [InlineData("n/a", null)]
    public void Real_FromText(string text, double? expected) => LenientNumber.Real(text).ShouldBe(expected);
}
