using System.Text;
using Tributary.Host.Genesys;

namespace Tributary.IntegrationTests.Genesys;

/// <summary>Reading the EventBridge envelope of a Genesys Cloud event (payloads/genesys-eventbridge-customer-start.json).</summary>
public sealed class GenesysEventEnvelopeTests
{
    private const string CustomerStart = """
        {
          "version": "0",
          "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
          "detail-type": "v2.detail.events.conversation.{id}.customer.start",
          "source": "aws.partner/genesys.com/cloud/a8b2c3d4-1111-4c5d-9e8f-0123456789ab/enrichment-gateway",
          "account": "123456789012",
          "time": "2025-03-04T15:02:11Z",
          "region": "us-east-1",
          "resources": [],
          "detail": {
            "topicName": "v2.detail.events.conversation.0d1f6a3c-7c2b-4f4e-9b1a-5e6f7a8b9c0d.customer.start",
            "version": "2",
            "eventBody": {
              "eventTime": 1741100531123,
              "conversationId": "0d1f6a3c-7c2b-4f4e-9b1a-5e6f7a8b9c0d",
              "participantId": "3b0f9c1e-2d4a-4b5c-8e7f-6a5b4c3d2e1f",
              "sessionId": "9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4",
              "mediaType": "VOICE",
              "provider": "Edge",
              "direction": "INBOUND",
              "ani": "tel:+13175550123",
              "dnis": "tel:+18005550199",
              "divisionId": "00000000-0000-0000-0000-000000000000"
            },
            "metadata": { "CorrelationId": "c2f1e0d9-8b7a-4c6d-9e5f-4a3b2c1d0e9f" }
          }
        }
        """;

    [Fact]
    public void Parse_InboundCustomerStart_ReadsTheEnvelope()
    {
        var envelope = Parse(CustomerStart);

        envelope.Id.ShouldBe("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        envelope.DetailType.ShouldBe("v2.detail.events.conversation.{id}.customer.start");
        envelope.Topic.ShouldBe("v2.detail.events.conversation.0d1f6a3c-7c2b-4f4e-9b1a-5e6f7a8b9c0d.customer.start");
        envelope.ConversationId.ShouldBe("0d1f6a3c-7c2b-4f4e-9b1a-5e6f7a8b9c0d");
        envelope.ParticipantId.ShouldBe("3b0f9c1e-2d4a-4b5c-8e7f-6a5b4c3d2e1f");
        envelope.Direction.ShouldBe("INBOUND");
        envelope.Ani.ShouldBe("+13175550123");
        envelope.IsInboundCustomerStart.ShouldBeTrue();
    }

    [Theory]
    [InlineData("customer.start", "OUTBOUND")]
    [InlineData("customer.end", "INBOUND")]
    [InlineData("acd.start", "INBOUND")]
    public void Parse_OtherTopicsOrDirections_AreNotInboundCustomerStart(string topic, string direction)
    {
        var json = CustomerStart.Replace("customer.start", topic, StringComparison.Ordinal).Replace("\"INBOUND\"", $"\"{direction}\"", StringComparison.Ordinal);

        Parse(json).IsInboundCustomerStart.ShouldBeFalse();
    }

    [Fact]
    public void Parse_IsLiberal_DetailAsAString_NamesInAnyCase_SipAddresses()
    {
        var json = """
            {"ID":"e-1","Detail":"{\"TopicName\":\"v2.detail.events.conversation.c-1.customer.start\",\"eventBody\":{\"conversationId\":\"c-1\",\"participantId\":\"p-1\",\"direction\":\"inbound\",\"ani\":\"sip:+442071234567@10.0.0.1;user=phone\",\"extra\":{\"x\":1}}}"}
            """;

        var envelope = Parse(json);

        envelope.Id.ShouldBe("e-1");
        envelope.Ani.ShouldBe("+442071234567");
        envelope.IsInboundCustomerStart.ShouldBeTrue();
    }

    [Fact]
    public void Parse_WithoutIdsInTheBody_IsNotActedOn()
    {
        var envelope = Parse("""{"id":"e-2","detail-type":"v2.detail.events.conversation.{id}.customer.start","detail":{"eventBody":{"direction":"INBOUND"}}}""");

        envelope.Topic.ShouldBeNull();
        envelope.IsInboundCustomerStart.ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not json", "not JSON")]
    [InlineData("{\"id\":", "not JSON")]
    [InlineData("[1,2]", "JSON array")]
    [InlineData("{\"detail\":{}}", "no 'id'")]
    [InlineData("{\"id\":\"e\",\"detail\":42}", "'detail' is a JSON number")]
    [InlineData("{\"id\":\"e\",\"detail\":\"{oops\"}", "'detail' string is not JSON")]
    public void Parse_Garbage_ThrowsAClearError(string body, string expected)
    {
        var error = Should.Throw<GenesysEnvelopeException>(() => Parse(body));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Parse_Error_NeverQuotesTheCallersNumber()
    {
        var error = Should.Throw<GenesysEnvelopeException>(() => Parse("""{"detail":{"eventBody":{"ani":"tel:+13175550123"}}}"""));

        error.Message.ShouldNotContain("3175550123");
    }

    private static GenesysEventEnvelope Parse(string json) => GenesysEventEnvelope.Parse(Encoding.UTF8.GetBytes(json));
}
