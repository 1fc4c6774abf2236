using System.Text;
using Tributary.Host.Salesforce;

namespace Tributary.IntegrationTests.Salesforce;

/// <summary>Relayed Change Data Capture events: the shapes accepted, what stages a record, what is ignored.</summary>
public sealed class SalesforceChangeEventsTests
{
    private const string OwnClientId = "3MVG9sandboxClientId";

    [Fact]
    public void Parse_TheCometDEnvelope_StagesEachRecord()
    {
        var changes = Parse(Envelope(Payload("Contact", "UPDATE", "tx-1", "com/salesforce/api/rest/62.0;client=enrichment-gateway", "003xx000004TmiQAAS")));

        changes.ShouldBe([new SalesforceChange("tx-1:003xx000004TmiQAAS", "003xx000004TmiQAAS", "Contact")]);
    }

    [Fact]
    public void Parse_ABarePayload_StagesEachRecordId()
    {
        var changes = Parse(Payload("Lead", "CREATE", "tx-2", null, "00Qxx0000001aAAAAA", "00Qxx0000001bAAAAA"));

        changes.Select(c => (c.RecordId, c.ObjectType, c.DedupKey)).ShouldBe(
            [("00Qxx0000001aAAAAA", "Lead", "tx-2:00Qxx0000001aAAAAA"), ("00Qxx0000001bAAAAA", "Lead", "tx-2:00Qxx0000001bAAAAA")]);
    }

    [Fact]
    public void Parse_AnArrayOfBoth_StagesThemInOrderOnce()
    {
        var contact = Payload("Contact", "GAP_UPDATE", "tx-3", null, "003xx0000000001AAA");
        var lead = Envelope(Payload("Lead", "GAP_CREATE", "tx-4", null, "00Qxx0000000001AAA"));

        var changes = Parse($"[{contact},{lead},{contact}]");

        changes.Select(c => c.DedupKey).ShouldBe(["tx-3:003xx0000000001AAA", "tx-4:00Qxx0000000001AAA"]);
    }

    [Theory]
    [InlineData("com/salesforce/api/rest/62.0;client=tributary")]
    [InlineData("com/salesforce/api/rest/62.0;client=" + OwnClientId)]
    public void Parse_OurOwnWrites_AreRememberedButNotStaged(string origin)
    {
        Parse(Envelope(Payload("Contact", "UPDATE", "tx-5", origin, "003xx0000000001AAA")))
            .ShouldBe([new SalesforceChange("tx-5:003xx0000000001AAA", "003xx0000000001AAA", null)]);
    }

    [Theory]
    [InlineData("Contact", "DELETE")]
    [InlineData("Contact", "UNDELETE")]
    [InlineData("Contact", "GAP_OVERFLOW")]
    [InlineData("Account", "UPDATE")]
    [InlineData("Opportunity", "CREATE")]
    public void Parse_OtherObjectsAndChangeTypes_AreRememberedButNotStaged(string entity, string changeType)
    {
        Parse(Envelope(Payload(entity, changeType, "tx-6", null, "003xx0000000001AAA")))
            .ShouldBe([new SalesforceChange("tx-6:003xx0000000001AAA", "003xx0000000001AAA", null)]);
    }

    [Fact]
    public void Parse_APlatformEvent_IsIgnored()
    {
        Parse("""{"data":{"schema":"x","payload":{"Outcome__c":"resolved"},"event":{"replayId":1}},"channel":"/event/Interaction_Outcome__e"}""").ShouldBeEmpty();
    }

    [Fact]
    public void Parse_AnArrayWithMessagesThatAreNoChangeEvents_SkipsThem_AndStagesTheRest()
    {
        var changes = Parse($$"""[1, "x", {"hello":"world"}, {{Envelope(Payload("Contact", "UPDATE", "tx-9", null, "003xx000004TmiQAAS"))}}]""");

        changes.Select(c => c.RecordId).ShouldBe(["003xx000004TmiQAAS"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    [InlineData("""{"hello":"world"}""")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{} {}""")]
    [InlineData("")]
    public void Parse_Garbage_ThrowsAFormatError(string body)
    {
        Should.Throw<SalesforceChangeEventFormatException>(() => Parse(body));
    }

    private static IReadOnlyList<SalesforceChange> Parse(string body) => SalesforceChangeEvents.Parse(Encoding.UTF8.GetBytes(body), OwnClientId);

    private static string Envelope(string payload) =>
        $$$"""{"data":{"schema":"IeRuaY6cbI_HsV8Rv1Mc5g","payload":{{{payload}}},"event":{"replayId":6}},"channel":"/data/ContactChangeEvent"}""";

    private static string Payload(string entity, string changeType, string transactionKey, string? origin, params string[] ids) =>
        $$"""
        {"ChangeEventHeader":{"entityName":"{{entity}}","recordIds":[{{string.Join(',', ids.Select(i => $"\"{i}\""))}}],"changeType":"{{changeType}}",
        "changeOrigin":{{(origin is null ? "null" : $"\"{origin}\"")}},"transactionKey":"{{transactionKey}}","sequenceNumber":1,
        "commitTimestamp":1741100531000,"commitNumber":10751982416316,"commitUser":"005xx000000456AAA","nulledFields":[],"diffFields":[],
        "changedFields":["Phone","LastModifiedDate"]},"Phone":"+13175550123","LastModifiedDate":"2025-03-04T15:02:11.000Z"}
        """;
}
