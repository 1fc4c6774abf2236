using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Connectors.Clearbit;
using Tributary.Deadlines;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Providers;

namespace Tributary.IntegrationTests.ProviderCallbacks;

/// <summary>Clearbit webhook deliveries as Clearbit builds and signs them, for a gateway's lookups.</summary>
internal static class ClearbitDelivery
{
    /// <summary>The sandbox's Clearbit key (<c>SimulatorOptions.ClearbitApiKey</c>).</summary>
    public const string SandboxKey = "sk_sandbox_clearbit";

    /// <summary>The webhook id the gateway's connector sends with a person lookup of <paramref name="email"/> made at <paramref name="askedAt"/>.</summary>
    public static string IdFor(IServiceProvider services, string email, DateTimeOffset askedAt) =>
        ClearbitWebhookId.For(KeyFor(services, email), askedAt);

    /// <summary>The cache and ledger key of the gateway's Clearbit person lookup of <paramref name="email"/>.</summary>
    public static string KeyFor(IServiceProvider services, string email)
    {
        services.GetRequiredService<ProviderCatalog>().TryGet("clearbit", out var clearbit).ShouldBeTrue();
        var keys = services.GetRequiredService<LookupKeys>();
        var query = new EnrichmentQuery(new IdentifierSet { Email = email }, LookupKind.Person, CallBudget.Batch, []);
        return keys.For(clearbit, query, keys.SubjectHash(query));
    }

    /// <summary>A combined (person_company) delivery of a found person.</summary>
    public static string Found(string id, string email, string fullName, string title) =>
        $$"""
        {"id":"{{id}}","type":"person_company","status":200,"body":{
          "person":{"id":"d54c54ad-40be-4305-8a34-0ab44710b90d","name":{"fullName":"{{fullName}}","givenName":"{{fullName.Split(' ')[0]}}","familyName":"{{fullName.Split(' ')[^1]}}"},
            "email":"{{email}}","geo":{"city":"Lisbon","country":"Portugal","countryCode":"PT"},
            "employment":{"domain":"northwind.example","name":"Northwind Traders","title":"{{title}}","role":"engineering","seniority":"director"},
            "linkedin":{"handle":"in/northwind-person"},"fuzzy":false,"emailProvider":false,"phone":null},
          "company":{"id":"3f5d6a4e-c284-4f78-bfdf-7669b45af907","name":"Northwind Traders","domain":"northwind.example",
            "category":{"industry":"Wholesale"},"metrics":{"employees":420},"tech":["salesforce"],"fuzzy":false} } }
        """;

    /// <summary>Clearbit's "no record" delivery.</summary>
    public static string NotFound(string id) => $$"""{"id":"{{id}}","type":"person","body":null,"status":404}""";

    /// <summary><c>sha1=</c> + hex HMAC-SHA1 of the body, keyed with the key minus its <c>sk_</c> prefix (Clearbit's SDK recipe).</summary>
    public static string Sign(string body, string key = SandboxKey) => "sha1=" + Convert.ToHexStringLower(Mac(key.StartsWith("sk_", StringComparison.Ordinal) ? key[3..] : key, body));

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "Clearbit's signing scheme.")]
    public static byte[] Mac(string key, string body) => HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(body));
}
