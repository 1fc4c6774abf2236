namespace Tributary.Connectors.Apollo;

/// <summary>What comparing a returned person with a row's identifiers shows.</summary>
internal enum IdentityCheck
{
    /// <summary>Nothing both sides carry can be compared.</summary>
    Unknown,

    /// <summary>The strongest identifier both carry agrees.</summary>
    Confirmed,

    /// <summary>The strongest identifier both carry disagrees: this is someone else.</summary>
    Contradicted,
}
