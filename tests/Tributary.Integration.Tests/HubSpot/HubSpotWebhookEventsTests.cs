using System.Text;
using Tributary.Host.HubSpot;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>Webhook bodies in HubSpot's shapes (reference payloads): every event with ids is remembered, and some stage their contact.</summary>
public sealed class HubSpotWebhookEventsTests
{
    private static readonly string[] Email = ["email"];

    [Fact]
    public void Parse_ContactCreation_StagesTheContactWithItsDedupKey()
    {
        var events = Parse("""
            [{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation",
              "attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]
            """);

        events.ShouldBe([new HubSpotWebhookEvent("1:123:1564113600000", "123", "contact.creation", null, "CRM", Stages: true)]);
    }

    [Fact]
    public void Parse_PropertyChange_StagesOnlyTriggerProperties()
    {
        const string body = """
            [
              {"objectId":1246965,"propertyName":"lifecyclestage","propertyValue":"subscriber","changeSource":"CRM_UI","eventId":3816279340,
               "occurredAt":1462216307945,"subscriptionType":"contact.propertyChange","attemptNumber":0},
              {"objectId":1246970,"propertyName":"email","propertyValue":"new@acme.com","changeSource":"CRM_UI","eventId":3816279341,
               "occurredAt":1462216307999,"subscriptionType":"contact.propertyChange","attemptNumber":0},
              {"objectId":1246978,"changeSource":"IMPORT","changeFlag":"CREATED","eventId":3816279480,"occurredAt":1462216307945,
               "subscriptionType":"contact.creation","attemptNumber":0}
            ]
            """;

        Parse(body).Where(e => e.Stages).Select(e => e.DedupKey).ShouldBe(["3816279341:1246970:1462216307999", "3816279480:1246978:1462216307945"]);
        Parse(body).Count.ShouldBe(3, "the lifecycle stage's change is remembered, so its replay is a duplicate");
        Parse(body, ["LifecycleStage"]).Where(e => e.Stages).Select(e => (e.ObjectId, e.PropertyName))
            .ShouldBe([("1246965", (string?)"lifecyclestage"), ("1246978", null)]);
    }

    [Fact]
    public void Parse_OtherEvents_StageNothing_AndEventsWithoutIdsAreIgnored()
    {
        var events = Parse("""
            [{"eventId":7,"objectId":55,"occurredAt":1,"subscriptionType":"contact.deletion"},
             {"eventId":8,"objectId":56,"occurredAt":2,"subscriptionType":"contact.merge","primaryObjectId":56,"mergedObjectIds":[57]},
             {"eventId":9,"objectId":58,"occurredAt":3,"subscriptionType":"company.creation"},
             {"eventId":10,"occurredAt":4,"subscriptionType":"contact.creation"},
             {"eventId":"11","objectId":"59","occurredAt":"5","subscriptionType":"contact.creation","unknown":{"a":[1]}}]
            """);

        events.Where(e => e.Stages).ShouldBe([new HubSpotWebhookEvent("11:59:5", "59", "contact.creation", null, null, Stages: true)]);
        events.Select(e => e.DedupKey).ShouldBe(["7:55:1", "8:56:2", "9:58:3", "11:59:5"]);
    }

    [Fact]
    public void Parse_ABatchWithElementsThatAreNoEvents_SkipsThem_AndStagesTheRest()
    {
        var events = Parse("""[5, {"eventId":1,"subscriptionType":"contact.creation","objectId":123,"occurredAt":1564113600000}, "x", null, []]""");

        events.Select(e => (e.ObjectId, e.Stages)).ShouldBe([("123", true)]);
    }

    [Fact]
    public void Parse_ABodyAfterAByteOrderMark_IsRead()
    {
        var body = Encoding.UTF8.GetBytes("\uFEFF[{\"eventId\":1,\"subscriptionType\":\"contact.creation\",\"objectId\":123}]");

        body[0].ShouldBe((byte)0xEF);
        HubSpotWebhookEvents.Parse(body, Email).Select(e => e.ObjectId).ShouldBe(["123"]);
    }

    [Fact]
    public void Parse_JsonNestedTooDeeply_SaysSo()
    {
        var body = "[" + new string('[', 100) + new string(']', 100) + "]";

        Should.Throw<HubSpotWebhookFormatException>(() => Parse(body)).Message.ShouldContain("depth");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"eventId":1,"subscriptionType":"contact.creation","objectId":123}""")]
    [InlineData("""[{"eventId":1,"subscriptionType":"contact.creation","objectId":123}""")]
    [InlineData("""[] trailing""")]
    public void Parse_ABodyThatIsNotAnArrayOfEvents_ThrowsAFormatError(string body) =>
        Should.Throw<HubSpotWebhookFormatException>(() => Parse(body));

    [Fact]
    public void Parse_AnEmptyArray_StagesNothing() => Parse("[]").ShouldBeEmpty();

    private static IReadOnlyList<HubSpotWebhookEvent> Parse(string body, string[]? triggers = null) =>
        HubSpotWebhookEvents.Parse(Encoding.UTF8.GetBytes(body), triggers ?? Email);
}
