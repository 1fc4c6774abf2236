using System.Text;
using System.Text.Json;
using Tributary.Json;

namespace Tributary.Tests.Json;

public sealed class JsonReadingTests
{
    [Theory]
    [InlineData("""{"email":"a"}""", "email", "a")]
    [InlineData("""{"Email":"b"}""", "email", "b")]
    [InlineData("""{"EMAIL":"c","email":"d"}""", "email", "d")]
    public void Member_PrefersTheExactName_ThenAnyCase(string json, string name, string expected)
    {
        using var document = JsonDocument.Parse(json);

        document.RootElement.Member(name)!.Value.GetString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"phone":"1"}""")]
    [InlineData("""["email"]""")]
    [InlineData("\"email\"")]
    public void Member_IsNull_WhenMissingOrNotAnObject(string json)
    {
        using var document = JsonDocument.Parse(json);

        document.RootElement.Member("email").ShouldBeNull();
    }

    [Theory]
    [InlineData("""[1,2]""")]
    [InlineData(""" {"a":1}   """)]
    public void WholeJson_ReadsOneValue(string json)
    {
        using var document = WholeJson.Parse(Encoding.UTF8.GetBytes(json));

        document.RootElement.ValueKind.ShouldNotBe(JsonValueKind.Undefined);
    }

    [Theory]
    [InlineData("""[] trailing""")]
    [InlineData("""{"a":1}{"b":2}""")]
    [InlineData("""[1] [2]""")]
    [InlineData("""[1""")]
    [InlineData("")]
    public void WholeJson_RefusesAnythingButOneValue(string json) =>
        Should.Throw<JsonException>(() => WholeJson.Parse(Encoding.UTF8.GetBytes(json)));
}
