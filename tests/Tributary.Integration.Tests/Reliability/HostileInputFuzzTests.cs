using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Reliability;

/// <summary>
/// A generated corpus of hostile requests (CsCheck: seeded, reproducible, shrinks a failure to its simplest case)
/// against the real gateway's JSON endpoints: wrong types, huge strings, invalid UTF-8, deep nesting, NUL bytes, odd
/// Unicode, SQL and template injection strings, duplicate keys, truncated JSON. Every answer is below 500, and every
/// refusal is a problem+json with a reason. CI runs <see cref="DefaultIterations"/> cases;
/// <c>bench/reliability/fuzz.sh</c> runs 10,000 (<c>TRIBUTARY_FUZZ_ITERATIONS</c>).
/// </summary>
public sealed class HostileInputFuzzTests
{
    private const int DefaultIterations = 300;
    private const int MaxBodyBytes = 65_536;

    private static readonly (HttpMethod Method, string Path)[] Endpoints =
    [
        (HttpMethod.Post, "/v1/enrich"),
        (HttpMethod.Post, "/v1/person/enrich"),
        (HttpMethod.Post, "/v1/identity/identify"),
        (HttpMethod.Post, "/v1/identity/resolve"),
        (HttpMethod.Post, "/v1/identity/unmerge"),
        (HttpMethod.Post, "/v1/interactions/conv-fuzz/outcome"),
        (HttpMethod.Post, "/v1/staging"),
        (HttpMethod.Post, "/v1/jobs"),
        (HttpMethod.Delete, "/v1/subjects"),
    ];

    private static readonly string[] Fields = ["email", "phone", "name", "company", "domain", "linkedin", "userId", "crmId", "profileId", "disposition", "durationSeconds", "agentId", "summary", "records", "traits", "identifier"];

    private static readonly string[] Hostile =
    [
        "' OR 1=1 --", "\"; DROP TABLE lookup_ledger; --", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>",
        "\u0000", "a\u0000b@example.com", "\u202Eevil@example.com", "\u200B\u200B", "jane\uFEFF@acme.com", "😀@😀.com",
        "../../etc/passwd", "%00", "\\ud800", "+1 (415) 555-0100 ext. ' --", "4111 1111 1111 1111", "123-45-6789", "",
    ];

    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.OneOf(Hostile).Select(JsonText),
        Gen.Int[1, 200_000].Select(n => JsonText(new string('x', n))),
        Gen.String.Select(JsonText),
        Gen.OneOf("0", "-1", "1e309", "true", "null", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}", "12345678901234567890123"));

    private static readonly Gen<byte[]> Body = Gen.OneOf(
        Gen.Select(Gen.Int[1, 4], Gen.OneOf(Fields), Value, (count, field, value) =>
            Utf8("{" + string.Join(",", Enumerable.Repeat($"\"{field}\":{value}", count)) + "}")),
        Gen.Select(Gen.OneOf(Fields), Gen.OneOf(Fields), Value, Value, (a, b, x, y) => Utf8($"{{\"{a}\":{x},\"{b}\":{y},\"traits\":{{\"{a}\":{y}}}}}")),
        Gen.Int[1, 5_000].Select(depth => Utf8(new string('[', depth) + new string(']', depth))),
        Gen.Int[1, 5_000].Select(depth => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))),
        Gen.Byte.Array[1, 64].Select(bytes => Utf8("{\"email\":\"").Concat(bytes).Concat(Utf8("\"}")).ToArray()),
        Gen.OneOf("{", "{\"email\":", "[{\"email\":\"a@b.co\"", "\"just a string\"", "42", "null", "").Select(Utf8));

    [Fact]
    public async Task HostileBodies_NeverGetA5xx_AndEveryRefusalSaysWhy()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("TRIBUTARY_FUZZ_ITERATIONS"), CultureInfo.InvariantCulture, out var n) ? n : DefaultIterations;
        await using var gateway = await GatewayServer.StartAsync("--Sandbox:Enabled=false", "--Jobs:MaxBodyBytes=262144");
        var statuses = new Dictionary<int, int>();

        await Gen.Select(Gen.Int[0, Endpoints.Length - 1], Body).SampleAsync(
            async sample =>
            {
                var (method, path) = Endpoints[sample.Item1];
                using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(sample.Item2) };
                request.Content.Headers.ContentType = new("application/json");

                // A connection the server closed after a 413 must not be reused by the next case.
                request.Headers.ConnectionClose = true;
                HttpResponseMessage response;
                try
                {
                    response = await gateway.Client.SendAsync(request);
                }
                catch (HttpRequestException) when (sample.Item2.Length > MaxBodyBytes)
                {
                    // Over the body limit, Kestrel answers 413 and closes the connection while the client still uploads.
                    return;
                }

                using var answer = response;
                var status = (int)response.StatusCode;
                lock (statuses)
                {
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                }

                status.ShouldBeLessThan(500, $"{method} {path} answered {status}");
                if (status >= 400 && response.StatusCode != HttpStatusCode.RequestEntityTooLarge)
                {
                    response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", $"{method} {path} {status}");
                    using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    problem.RootElement.TryGetProperty("detail", out var detail).ShouldBeTrue($"{method} {path} {status} without a reason");
                    detail.GetString().ShouldNotBeNullOrWhiteSpace();
                }
            },
            iter: iterations,
            threads: 4);

        statuses.Keys.ShouldContain(400, "the corpus is hostile: most of it must be refused");
    }

    private static string JsonText(string value) => JsonSerializer.Serialize(value);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
