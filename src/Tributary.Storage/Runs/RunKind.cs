namespace Tributary.Storage;

/// <summary>What started an enrichment run. Stored as its lower-case name.</summary>
public enum RunKind
{
    /// <summary><c>tributary enrich FILE</c>.</summary>
    File,

    /// <summary>A bulk job submitted with <c>POST /v1/jobs</c>.</summary>
    Job,

    /// <summary>A pass of the CRM pipeline worker.</summary>
    Pipeline,
}
