using System.Net;
using Tributary.Enrichment;
using Tributary.Profiles;

namespace Tributary.Connectors.Clearbit;

/// <summary>
/// Clearbit's answers as results, the same whether one came in the lookup's response or later by webhook: a record
/// (or a combined pair) is a match, 404 or an empty record a billed no-match, 202 still queued.
/// </summary>
internal static class ClearbitResults
{
    /// <summary>The answer of an unsuccessful status (anything but 200).</summary>
    public static ProviderResult FromStatus(HttpStatusCode status, DateTimeOffset now) => status switch
    {
        HttpStatusCode.Accepted => ProviderResult.Failed(ProviderStatus.Queued, "lookup queued by Clearbit", billed: true),

        // Clearbit bills unknown records; some 404s carry only {"message": …}, so the body is not required.
        HttpStatusCode.NotFound => ProviderResult.NoMatch(billed: true),

        // Over quota: the plan's requests are spent. The answer does not say when they come back (the billing day is
        // the account's), so Clearbit is skipped for every caller until the next UTC day; a 402 is not billed.
        HttpStatusCode.PaymentRequired => ProviderResult.Failed(ProviderStatus.BudgetExhausted, "plan quota exhausted (HTTP 402)") with
        {
            ExhaustedUntil = CreditRenewal.NextUtcDay(now),
        },
        _ => ProviderFailures.FromStatus(status),
    };

    /// <summary>A person lookup's answer: the combined person and company, either of which may be missing.</summary>
    public static ProviderResult FromCombined(ClearbitCombined? combined, DateTimeOffset observedAt)
    {
        if (combined?.Person is null && combined?.Company is null)
        {
            return ProviderResult.NoMatch(billed: true);
        }

        var confidence = ClearbitMapping.Confidence(combined.Person?.Fuzzy ?? combined.Company?.Fuzzy);
        var profile = new ProfileBuilder(ClearbitConnector.ProviderName, confidence, observedAt);
        if (combined.Person is not null)
        {
            ClearbitMapping.MapPerson(combined.Person, profile);
        }

        // The company record is more authoritative than the person's employment block, so it is mapped last.
        if (combined.Company is not null && combined.Person?.EmailProvider != true)
        {
            ClearbitMapping.MapCompany(combined.Company, profile);
        }

        return ProviderResult.Matched(profile.Build(), confidence);
    }

    /// <summary>A company lookup's answer.</summary>
    public static ProviderResult FromCompany(ClearbitCompany? company, DateTimeOffset observedAt)
    {
        if (company is null)
        {
            return ProviderResult.NoMatch(billed: true);
        }

        var confidence = ClearbitMapping.Confidence(company.Fuzzy);
        var profile = new ProfileBuilder(ClearbitConnector.ProviderName, confidence, observedAt);
        ClearbitMapping.MapCompany(company, profile);
        return ProviderResult.Matched(profile.Build(), confidence);
    }
}
