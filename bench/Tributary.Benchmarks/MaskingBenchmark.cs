using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Tributary.Privacy;

namespace Tributary.Benchmarks;

/// <summary>
/// Masking on every response: a value with nothing to mask (the common case, no allocation), a value with a card and
/// an SSN, and a whole agent-desktop profile (about 40 values) masked in place.
/// </summary>
[MemoryDiagnoser]
public class MaskingBenchmark
{
    private const string ProfileJson = """
        {"profileId":"p-0042","match":"deterministic","confidence":1,
         "identifiers":{"email":["jane.doe@acme.com"],"phone":["+14152220123"],"crmId":["0035e00000AbCdE"],"userId":["CUST-00001"]},
         "traits":{"firstName":"Jane","lastName":"Doe","title":"VP of Engineering","company":"Acme Inc","tier":"PLATINUM",
                   "lifetime_value":48210.75,"churn_risk":false,"last_order_number":"ORD-2026-0042-7781",
                   "notes":"Called 2026-11-20 about card 4111 1111 1111 1111; SSN 123-45-6789 verified.","dateOfBirth":"1985-04-12"},
         "enrichment":{"jobTitle":{"value":"VP of Engineering","source":"clearbit","confidence":0.95,"observedAt":"2026-11-23T12:00:00Z"},
                       "city":{"value":"San Francisco","source":"zoominfo","confidence":0.9,"observedAt":"2026-11-23T12:00:00Z"},
                       "employeeCount":{"value":500,"source":"clearbit","confidence":0.95,"observedAt":"2026-11-23T12:00:00Z"},
                       "industry":{"value":"Software","source":"clearbit","confidence":0.95,"observedAt":"2026-11-23T12:00:00Z"}}}
        """;

    private readonly SensitiveValueMasker _masker = new(Options.Create(new PrivacyOptions { MaskedFields = ["dateOfBirth"] }));

    [Benchmark(Baseline = true)]
    public string CleanValue() => _masker.Mask("VP of Engineering at Acme Inc, San Francisco (since 2019)");

    [Benchmark]
    public string ValueWithCardAndSsn() => _masker.Mask("Called about card 4111 1111 1111 1111; SSN 123-45-6789 verified.");

    [Benchmark]
    public JsonNode? Profile() => _masker.Mask(JsonNode.Parse(ProfileJson));

    [Benchmark]
    public JsonNode? ProfileParseOnly() => JsonNode.Parse(ProfileJson);
}
