using System.ComponentModel.DataAnnotations;

namespace Tributary.Host.Pipeline;

/// <summary>The pipeline worker (section <c>Pipeline</c>): staged CRM records → enrichment → warehouse → write-back.</summary>
internal sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Whether <c>serve</c> runs the worker. Default true; <c>tributary worker</c> runs it regardless.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Staged records one claim takes. Default: the largest batch a configured CRM takes in one call (Salesforce 200,
    /// HubSpot 100; 100 with neither), so a claim fills the biggest write-back call; see <see cref="CrmSystems.ClaimSize"/>.
    /// </summary>
    [Range(1, 1000)]
    public int? BatchSize { get; set; }

    /// <summary>Claims processed at once, so a CRM's latency does not leave its rate limit unused. Default 4.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 4;

    /// <summary>How long a claim holds its records before another worker may take them. Default 60 s.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Attempts before a record becomes a dead letter. Default 5.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubled per attempt, at most <see cref="MaxRetryDelaySeconds"/>. Default 1 s.</summary>
    [Range(0.001, 3600)]
    public double RetryBaseSeconds { get; set; } = 1;

    /// <summary>Longest retry delay. Default 300 s.</summary>
    [Range(0.001, 86400)]
    public double MaxRetryDelaySeconds { get; set; } = 300;

    /// <summary>How often an idle worker looks for staged records it was not told about (another process staged them). Default 1000 ms.</summary>
    [Range(10, 60000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Largest <c>POST /v1/staging</c> body in bytes. Default 4 MB.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxStagingBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Write nothing to the CRM; journal what would have been written. Default false.</summary>
    public bool DryRun { get; set; }

    /// <summary>Enrichment mode for staged records (<c>parallel</c> or <c>waterfall</c>); empty uses <c>Enrichment:Mode</c>.</summary>
    public string? Mode { get; set; }

    public WriteBackOptions WriteBack { get; set; } = new();
}

/// <summary>Section <c>Pipeline:WriteBack</c>.</summary>
internal sealed class WriteBackOptions
{
    /// <summary>Flat field → <c>fill-blank</c> (the default for fields not listed), <c>overwrite</c> or <c>never</c>.</summary>
    public Dictionary<string, string> Policy { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>CRM field names (e.g. Salesforce <c>Title</c>) whose value a person owns: filled when blank, never overwritten.</summary>
    public List<string> Protected { get; set; } = [];

    /// <summary>Adds the fields of <c>Protected</c> given as one value (<c>Title,Phone</c>), which the binder leaves out.</summary>
    public void AddProtectedList(string? value)
    {
        foreach (var field in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Protected.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                Protected.Add(field);
            }
        }
    }
}
