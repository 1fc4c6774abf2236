namespace Tributary.Storage;

/// <summary>Values the store generates for itself and every process must share, such as the identifier-hash pepper.</summary>
public interface IStoreSettings
{
    /// <summary>
    /// Reads a setting, creating it with <paramref name="create"/> the first time. The first writer wins, across
    /// processes too: every caller gets the stored value. Synchronous because options are configured synchronously.
    /// </summary>
    string GetOrCreate(string name, Func<string> create);
}
