using System.Text.Json.Nodes;

namespace Tributary.Simulators.Segment;

/// <summary>
/// The profiles the space starts with: Ada (the reference payload's user), Jane Doe (the sample world's best-known
/// person) and a customer whose traits hold an SSN and a card number, for exercising masking end to end.
/// </summary>
internal static class SegmentSeed
{
    public static SegmentProfileStore Create()
    {
        var store = new SegmentProfileStore();
        store.Set(SegmentSimulator.AdaUserId, new JsonObject
        {
            ["email"] = "ada@example.com",
            ["tier"] = "GOLD",
            ["lifetime_value"] = 1234.5,
            ["churn_risk"] = false,
        });
        store.Set(SegmentSimulator.JaneDoeUserId, new JsonObject
        {
            ["email"] = SampleIdentifiers.JaneDoeEmail,
            ["phone"] = SampleIdentifiers.JaneDoePhone,
            ["firstName"] = SampleIdentifiers.JaneDoeFirstName,
            ["lastName"] = SampleIdentifiers.JaneDoeLastName,
            ["title"] = SampleIdentifiers.JaneDoeTitle,
            ["company"] = SampleIdentifiers.AcmeName,
            ["tier"] = "PLATINUM",
            ["lifetime_value"] = 48_210.75,
            ["churn_risk"] = false,
            ["last_order_number"] = "ORD-2026-0042-7781",
        });
        store.Set(SegmentSimulator.SensitiveUserId, new JsonObject
        {
            ["email"] = "sam.sensitive@example.com",
            ["tier"] = "SILVER",
            ["ssn"] = "123-45-6789",
            ["card_on_file"] = "4111 1111 1111 1111",
            ["notes"] = "Called about card 5555-5555-5555-4444; order 1234567890123 shipped.",
            ["support_phone"] = "+1 415 555 0123",
        });
        return store;
    }
}
