using System.Net;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Identity;

/// <summary>Bad, oversized and hostile bodies get a 4xx problem that says what was wrong, never a 5xx.</summary>
public sealed class IdentityRequestTests(IdentityGateway gateway) : IClassFixture<IdentityGateway>
{
    public static TheoryData<string, string, int, string> BadBodies => new()
    {
        { "identify", "{", 400, "body" },
        { "identify", "[]", 400, "body" },
        { "identify", "null", 400, "body" },
        { "identify", """{"traits":"jane@acme.com"}""", 400, "body" },
        { "identify", """{"traits":{}}""", 400, "traits" },
        { "identify", """{"traits":{"name":"Only A Name"}}""", 400, "traits" },
        { "identify", """{"traits":{"email":"not-an-email"}}""", 400, "traits.email" },
        { "identify", """{"traits":{"phone":"12"}}""", 400, "traits.phone" },
        { "identify", """{"traits":{"email":{"nested":true}}}""", 400, "traits.email" },
        { "identify", """{"userId":"a\u0000b","traits":{}}""", 400, "userId" },
        { "identify", $$"""{"userId":"{{new string('u', 300)}}"}""", 400, "userId" },
        { "identify", """{"traits":{"email":"deep@acme.example","x":""" + new string('[', 200) + new string(']', 200) + "}}", 400, "body" },
        // Lone UTF-16 surrogate escapes: valid JSON, but no text; refused where they are, not failed on later (500).
        { "identify", """{"userId":"CUST-HOST2","traits":{"x":"\ud800"}}""", 400, "traits.x" },
        { "identify", """{"userId":"CUST-HOST2","traits":{"x":["fine","a\udc00b"]}}""", 400, "traits.x[1]" },
        { "identify", """{"userId":"CUST-HOST2","traits":{"x":{"y":{"z":"\ud800"}}}}""", 400, "traits.x.y.z" },
        { "identify", """{"userId":"CUST-HOST2","traits":{"x":{"\ud800":1}}}""", 400, "body" },
        { "identify", """{"traits":{"email":"\ud800@acme.example"}}""", 400, "traits.email" },
        { "identify", """{"userId":"CUST-HOST2","traits":{"\ud800":"x"}}""", 400, "body" },
        { "identify", """{"traits":{"email":"lone@acme.example","name":"\ud800","company":"Acme"}}""", 400, "traits.name" },
        { "identify", """{"userId":"CUST-TWICE","traits":{"email":"d1@globex.com","Email":"d2@globex.com"}}""", 400, "traits.Email" },
        { "identify", """{"userId":"CUST-TWICE","traits":{"note":"a","NOTE":"b"}}""", 400, "traits.NOTE" },
        { "resolve", "{}", 400, "body" },
        { "resolve", """{"name":"Jane Doe"}""", 400, "body" },
        { "resolve", """{"email":42}""", 400, "body" },
        { "resolve", """{"email":"a@b@c"}""", 400, "email" },
        { "resolve", "\"just a string\"", 400, "body" },
        { "unmerge", "{}", 400, "profileId" },
        { "unmerge", """{"profileId":"p1","identifier":{"type":"ssn","value":"123"}}""", 400, "identifier.type" },
        { "unmerge", """{"profileId":"p1","identifier":{"type":"email"}}""", 400, "identifier.value" },
        { "unmerge", """{"profileId":"p1","identifier":{"type":"phone","value":"+1 212 555 0111"}}""", 404, "identifier" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadBody_IsAProblemNamingTheField(string path, string json, int status, string field)
    {
        var (actual, problem) = await gateway.CallAsync(path, json);

        actual.ShouldBe(status, problem.ToString());
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Identify_WithAnEscapedSurrogatePair_KeepsTheCharacter()
    {
        var (status, body) = await gateway.CallAsync("identify", """{"userId":"CUST-PAIR","traits":{"mood":"\ud83d\ude00","tags":["\ud83d\ude00"]}}""");
        var (_, resolved) = await gateway.CallAsync("resolve", """{"userId":"CUST-PAIR"}""");

        status.ShouldBe(200, body.ToString());
        resolved.GetProperty("summary").GetProperty("mood").GetString().ShouldBe("\U0001F600");
    }

    [Theory]
    [InlineData("identify")]
    [InlineData("resolve")]
    public async Task OversizedBody_Is413(string path)
    {
        // Just past Gateway:MaxBodyBytes (64 KB): the server answers before reading it all, and a body much larger
        // than the socket buffers could still be in flight when the connection closes.
        var json = "{\"email\":\"big@acme.example\",\"traits\":{\"notes\":\"" + new string('x', (64 * 1024) + 100) + "\"}}";

        using var announced = await SendClosingAsync(path, new StringContent(json));
        using var chunked = await SendClosingAsync(path, new ChunkedContent(json));

        announced.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        announced.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        chunked.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task WithGatewayKeys_IdentityNeedsAKey()
    {
        await using var keyed = await GatewayServer.StartAsync("--Sandbox:Enabled=false", "--Gateway:ApiKeys:0=identity-key");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/identity/resolve") { Content = new StringContent("""{"email":"jane@acme.example"}""") };
        request.Headers.Add("X-Api-Key", "identity-key");

        using var without = await keyed.Client.PostAsync("/v1/identity/resolve", new StringContent("""{"email":"jane@acme.example"}"""));
        using var with = await keyed.Client.SendAsync(request);

        without.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        with.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonDocument.Parse(await with.Content.ReadAsStringAsync()).RootElement.GetProperty("match").GetString().ShouldBe("guest");
    }

    /// <summary>
    /// The server answers 413 and closes without reading the rest; on a connection of its own, no other test's request
    /// meets that closed connection.
    /// </summary>
    private async Task<HttpResponseMessage> SendClosingAsync(string path, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/identity/{path}") { Content = content };
        request.Headers.ConnectionClose = true;
        return await gateway.Server.Client.SendAsync(request);
    }

    /// <summary>A body without Content-Length, so only reading it can find it too large.</summary>
    private sealed class ChunkedContent(string text) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
