namespace Tributary.Host.Genesys;

/// <summary>How a Genesys Cloud call ended.</summary>
internal enum GenesysOutcome
{
    /// <summary>Genesys accepted it.</summary>
    Done,

    /// <summary>The conversation, participant or contact does not exist (any more): a 404. Nothing to retry.</summary>
    Gone,

    /// <summary>Failed after the retries the options allow, or at once when retrying cannot help (a 400, a refused login).</summary>
    Failed,
}
