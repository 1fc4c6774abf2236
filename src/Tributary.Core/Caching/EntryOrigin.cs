namespace Tributary.Caching;

/// <summary>Where a cache entry handed to a caller came from.</summary>
public enum EntryOrigin
{
    /// <summary>A provider call made for this lookup (shared by concurrent identical lookups).</summary>
    Provider,

    /// <summary>The in-process or shared cache.</summary>
    Cache,

    /// <summary>The persistent ledger of paid lookups.</summary>
    Ledger,
}
