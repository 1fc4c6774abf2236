using Tributary.Host.Crm;

namespace Tributary.Host.Pipeline;

/// <summary>The CRMs with credentials, indexed once by name (<c>hubspot</c>, <c>salesforce</c>).</summary>
internal sealed class CrmSystems(IEnumerable<ICrmSystem> systems)
{
    /// <summary>The staging source of records enriched into the tables with no CRM to write back to.</summary>
    public const string NoSource = "none";

    /// <summary>The claim size with no CRM configured (records enriched into the tables only).</summary>
    private const int DefaultClaimSize = 100;

    private readonly Dictionary<string, ICrmSystem> _byName = systems.Where(s => s.IsConfigured).ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The staging sources the pipeline works on: every configured CRM and <see cref="NoSource"/> (the queue holds other work too).</summary>
    public IReadOnlyCollection<string> PipelineSources => [.. _byName.Keys, NoSource];

    public IReadOnlyCollection<ICrmSystem> All => _byName.Values;

    public ICrmSystem? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Records one claim takes: <paramref name="configured"/> (<c>Pipeline:BatchSize</c>) when set, else the largest
    /// batch a configured CRM takes per call, so a claim of Salesforce records is one 200-record write, not two of 100.
    /// </summary>
    public int ClaimSize(int? configured) => configured ?? _byName.Values.Select(c => c.MaxBatchSize).DefaultIfEmpty(DefaultClaimSize).Max();

    /// <summary>True for a source records may be staged from: a configured CRM, or <see cref="NoSource"/>.</summary>
    public bool Accepts(string source) => source == NoSource || _byName.ContainsKey(source);
}
