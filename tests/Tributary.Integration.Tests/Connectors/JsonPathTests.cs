using System.Text.Json;
using Tributary.Connectors.Http;

namespace Tributary.IntegrationTests.Connectors;

public sealed class JsonPathTests
{
    private const string Answer = """
        {"data":{"customer":{"tier":"gold","Nickname":"jd","empty":null}},
         "emails":[{"address":"a@x.com"},{"address":"b@x.com"}],"matrix":[[1,2],[3,4]]}
        """;

    [Theory]
    [InlineData("data.customer.tier", "gold")]
    [InlineData("$.data.customer.tier", "gold")]
    [InlineData("emails[1].address", "b@x.com")]
    [InlineData("matrix[1][0]", "3")]
    [InlineData("data.customer.nickname", "jd")]
    public void Evaluate_FindsTheValue(string path, string expected)
    {
        using var document = JsonDocument.Parse(Answer);

        JsonPath.TryParse(path, out var parsed).ShouldBeTrue();
        parsed.TryEvaluate(document.RootElement, out var value).ShouldBeTrue();

        (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()).ShouldBe(expected);
    }

    [Theory]
    [InlineData("data.customer.missing")]
    [InlineData("data.customer.empty")]
    [InlineData("emails[5].address")]
    [InlineData("data[0]")]
    public void Evaluate_MissingOrNull_IsFalse(string path)
    {
        using var document = JsonDocument.Parse(Answer);

        JsonPath.TryParse(path, out var parsed).ShouldBeTrue();
        parsed.TryEvaluate(document.RootElement, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("data..tier")]
    [InlineData("data.")]
    [InlineData("emails[x]")]
    [InlineData("emails[0")]
    [InlineData("emails]0[")]
    public void Parse_RejectsMalformedPaths(string path) => JsonPath.TryParse(path, out _).ShouldBeFalse();
}
