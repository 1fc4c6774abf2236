using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tributary.Host.HubSpot;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>v3 signatures, checked against vectors computed here from HubSpot's definition, not by the code under test.</summary>
public sealed class HubSpotSignatureTests
{
    private const string Secret = "a3f1c2e4-hubspot-client-secret";
    private const string Uri = "https://hooks.example.com/webhooks/hubspot";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""[{"eventId":1,"subscriptionType":"contact.creation","objectId":123,"occurredAt":1564113600000}]""");

    [Fact]
    public void Verify_WithTheSignatureHubSpotComputes_IsValid()
    {
        var timestamp = Millis(Now.AddSeconds(-30));

        Verify("POST", Uri, Body, timestamp, Sign(Secret, "POST" + Uri + Encoding.UTF8.GetString(Body) + timestamp)).ShouldBe(HubSpotSignatureCheck.Valid);
    }

    [Fact]
    public void Verify_WithAnotherSecret_IsAMismatch()
    {
        var timestamp = Millis(Now);

        Verify("POST", Uri, Body, timestamp, Sign("another-secret", "POST" + Uri + Encoding.UTF8.GetString(Body) + timestamp)).ShouldBe(HubSpotSignatureCheck.Mismatch);
    }

    [Fact]
    public void Verify_WhenTheBodyWasAltered_IsAMismatch()
    {
        var timestamp = Millis(Now);
        var signature = Sign(Secret, "POST" + Uri + Encoding.UTF8.GetString(Body) + timestamp);
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("123", "124", StringComparison.Ordinal));

        Verify("POST", Uri, altered, timestamp, signature).ShouldBe(HubSpotSignatureCheck.Mismatch);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_WhenTheTimestampIsMoreThanFiveMinutesAway_IsStale(int seconds)
    {
        var timestamp = Millis(Now.AddSeconds(seconds));

        Verify("POST", Uri, Body, timestamp, Sign(Secret, "POST" + Uri + Encoding.UTF8.GetString(Body) + timestamp)).ShouldBe(HubSpotSignatureCheck.Stale);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5e12")]
    public void Verify_WhenTheTimestampIsNotMilliseconds_SaysSo(string timestamp) =>
        Verify("POST", Uri, Body, timestamp, Sign(Secret, "POST" + Uri + Encoding.UTF8.GetString(Body) + timestamp)).ShouldBe(HubSpotSignatureCheck.BadTimestamp);

    [Fact]
    public void Verify_WithAQueryStringAndEscapesHubSpotDecodes_IsValid()
    {
        var timestamp = Millis(Now);
        const string signed = "https://hooks.example.com/webhooks/hubspot?portal=62515&tag=a:b";
        const string received = "https://hooks.example.com/webhooks/hubspot?portal=62515&tag=a%3Ab";
        var signature = Sign(Secret, "POST" + signed + Encoding.UTF8.GetString(Body) + timestamp);

        Verify("POST", received, Body, timestamp, signature).ShouldBe(HubSpotSignatureCheck.Valid);
        Verify("POST", "https://hooks.example.com/webhooks/hubspot?tag=a:b&portal=62515", Body, timestamp, signature).ShouldBe(HubSpotSignatureCheck.Mismatch);
    }

    [Theory]
    [InlineData("?tag=a%3Ab&email=a%40b.com&name=J%C3%BCrgen%20K")] // as sent
    [InlineData("?tag=a:b&email=a@b.com&name=J%C3%BCrgen%20K")] // the escapes HubSpot lists decoded
    [InlineData("?tag=a:b&email=a@b.com&name=Jürgen K")] // wholly decoded, as HubSpot's C# sample does
    public void Verify_WhetherTheUriWasSignedAsSentOrDecoded_IsValid(string signedQuery)
    {
        const string path = "https://hooks.example.com/webhooks/hubspot";
        var timestamp = Millis(Now);

        var signature = Sign(Secret, "POST" + path + signedQuery + Encoding.UTF8.GetString(Body) + timestamp);

        Verify("POST", path + "?tag=a%3Ab&email=a%40b.com&name=J%C3%BCrgen%20K", Body, timestamp, signature).ShouldBe(HubSpotSignatureCheck.Valid);
        Verify("POST", path + "?tag=a%3Ab&email=a%40c.com&name=J%C3%BCrgen%20K", Body, timestamp, signature).ShouldBe(HubSpotSignatureCheck.Mismatch);
    }

    [Theory]
    [InlineData(null, "c2lnbmF0dXJl")]
    [InlineData("1795424400000", null)]
    [InlineData("1795424400000", "")]
    public void Verify_WithoutItsHeaders_IsMissing(string? timestamp, string? signature) =>
        Verify("POST", Uri, Body, timestamp, signature).ShouldBe(HubSpotSignatureCheck.Missing);

    [Fact]
    public void Verify_WithASignatureThatIsNotBase64_IsAMismatch() =>
        Verify("POST", Uri, Body, Millis(Now), "not base64 at all!").ShouldBe(HubSpotSignatureCheck.Mismatch);

    private static HubSpotSignatureCheck Verify(string method, string uri, byte[] body, string? timestamp, string? signature) =>
        HubSpotSignature.Verify(method, uri, body, timestamp, signature, Secret, Now);

    private static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static string Sign(string secret, string message)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(message)));
    }
}
