using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Privacy;

namespace Tributary.Core.Tests.Privacy;

/// <summary>The masking corpus: SSNs, every major card brand with and without separators, and what must be left alone.</summary>
public sealed class SensitiveValueMaskerTests
{
    private static readonly SensitiveValueMasker Masker = new(Options.Create(new PrivacyOptions { MaskedFields = ["dateOfBirth", "mothers_maiden_name, pin"] }));

    public static TheoryData<string, string> Cards => new()
    {
        { "4111111111111111", "************1111" },             // Visa
        { "5555555555554444", "************4444" },             // Mastercard
        { "2223003122003222", "************3222" },             // Mastercard 2-series
        { "378282246310005", "***********0005" },               // American Express (15)
        { "6011111111111117", "************1117" },             // Discover
        { "3056930009020004", "************0004" },             // Diners Club
        { "3566002020360505", "************0505" },             // JCB
        { "6200000000000005", "************0005" },             // UnionPay
        { "4222222222222", "*********2222" },                   // Visa, 13 digits
        { "6200000000000000000", "***************0000" },       // 19 digits
        { "4111 1111 1111 1111", "************1111" },
        { "4111-1111-1111-1111", "************1111" },
        { "3782 822463 10005", "***********0005" },             // Amex grouping 4-6-5
        { "5555-5555 5555-4444", "************4444" },          // mixed separators
    };

    public static TheoryData<string> LeftAlone => new()
    {
        "4111111111111112",                 // fails Luhn
        "4111 1111 1111 1112",
        "1234567890123",                    // an order number, fails Luhn
        "ORD-2026-0042-7781",
        "+1 415 555 0123",                  // phone numbers
        "+14152220123",
        "(415) 222-0123",
        "+447911123456708",                 // a 15-digit E.164 number passing Luhn is still a phone
        "41111111111111111115",             // 20 digits passing Luhn: no card has that many
        "A4111111111111111",                // glued to letters: an id, not a card
        "4111111111111111.25",              // a decimal
        "123456789",                        // nine bare digits outside an SSN field
        "12-345-6789",                      // not the 3-2-4 shape
        "123-45 6789",                      // mixed separators are not an SSN
        "2026-11-23",
        "",
        "no digits at all",
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void Mask_ALuhnValidCardNumber_KeepsOnlyTheLastFour(string card, string masked)
    {
        Masker.Mask(card).ShouldBe(masked);
        Masker.Mask($"Paid with {card}, thanks.").ShouldBe($"Paid with {masked}, thanks.");
    }

    [Theory]
    [InlineData("123-45-6789", "***-**-6789")]
    [InlineData("123 45 6789", "***-**-6789")]
    [InlineData("SSN: 078-05-1120.", "SSN: ***-**-1120.")]
    [InlineData("ssn 123-45-6789 and 987-65-4321", "ssn ***-**-6789 and ***-**-4321")]
    public void Mask_AnSsnPattern_KeepsOnlyTheLastFour(string value, string masked) => Masker.Mask(value).ShouldBe(masked);

    [Theory]
    [MemberData(nameof(LeftAlone))]
    public void Mask_DigitsThatAreNotACardOrSsn_AreLeftAlone(string value) => Masker.Mask(value).ShouldBeSameAs(value);

    [Fact]
    public void Mask_ACardFollowedByAnotherNumber_StillMasksTheCard()
    {
        Masker.Mask("4111 1111 1111 1111 2").ShouldBe("************1111 2");
        Masker.Mask("cards 4111111111111111 5555555555554444").ShouldBe("cards ************1111 ************4444");
    }

    [Theory]
    [InlineData("ssn")]
    [InlineData("SSN")]
    [InlineData("customer_ssn")]
    [InlineData("ssnLast4Verified")]
    [InlineData("socialSecurityNumber")]
    [InlineData("social-security")]
    public void Mask_NineBareDigitsInAFieldNamedLikeAnSsn_AreMasked(string field) =>
        Masker.Mask(field, "123456789").ShouldBe("***-**-6789");

    [Theory]
    [InlineData("businessName")]
    [InlineData("phone")]
    [InlineData("orderNumber")]
    public void Mask_NineBareDigitsInOtherFields_AreLeftAlone(string field) => Masker.Mask(field, "123456789").ShouldBe("123456789");

    [Theory]
    [InlineData("dateOfBirth")]
    [InlineData("DATEOFBIRTH")]
    [InlineData("mothers_maiden_name")]
    [InlineData("pin")]
    public void Mask_AConfiguredField_IsMaskedEntirely(string field) => Masker.Mask(field, "1985-04-12 Smith").ShouldBe(SensitiveValueMasker.Masked);

    [Fact]
    public void Mask_AJsonTree_MasksNestedStringsNumbersArraysAndConfiguredFields()
    {
        var tree = JsonNode.Parse("""
            {
              "profileId": "p-1",
              "phone": "+14152220123",
              "traits": {
                "ssn": "123456789",
                "cards": ["4111 1111 1111 1111", "4111111111111112"],
                "card_number": 5555555555554444,
                "lifetime_value": 1234.5,
                "orderNumber": 1234567890123,
                "dateOfBirth": { "year": 1985, "month": 4 },
                "notes": [{ "text": "SSN 123-45-6789 on file" }],
                "pin": null,
                "vip": true
              }
            }
            """);

        var masked = Masker.Mask(tree);

        masked.ShouldBeSameAs(tree);
        masked!.ToJsonString().ShouldBe(JsonNode.Parse("""
            {
              "profileId": "p-1",
              "phone": "+14152220123",
              "traits": {
                "ssn": "***-**-6789",
                "cards": ["************1111", "4111111111111112"],
                "card_number": "************4444",
                "lifetime_value": 1234.5,
                "orderNumber": 1234567890123,
                "dateOfBirth": "***",
                "notes": [{ "text": "SSN ***-**-6789 on file" }],
                "pin": null,
                "vip": true
              }
            }
            """)!.ToJsonString());
    }

    [Fact]
    public void Mask_ARootStringValue_ReturnsANewMaskedValue() =>
        Masker.Mask(JsonValue.Create("4111111111111111"))!.GetValue<string>().ShouldBe("************1111");

    [Fact]
    public void AddMasking_ReadsMaskedFieldsAsAListOrAsOneCommaSeparatedValue()
    {
        foreach (var settings in new[]
        {
            new Dictionary<string, string?> { ["Privacy:MaskedFields:0"] = "dob", ["Privacy:MaskedFields:1"] = "pin" },
            new Dictionary<string, string?> { ["Privacy:MaskedFields"] = "dob, pin" },
        })
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
                .Configure<PrivacyOptions>(configuration.GetSection(PrivacyOptions.SectionName)).AddMasking().BuildServiceProvider();
            var masker = services.GetRequiredService<SensitiveValueMasker>();

            (masker.IsMaskedField("DOB"), masker.IsMaskedField("pin"), masker.IsMaskedField("email")).ShouldBe((true, true, false));
        }
    }
}
