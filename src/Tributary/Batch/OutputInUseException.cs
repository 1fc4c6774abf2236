namespace Tributary.Host.Batch;

/// <summary>Another run is writing the same output file (<c>--out</c> or <c>--rejects</c>); this one did not start.</summary>
internal sealed class OutputInUseException(string path, Exception innerException) : IOException($"{path} is being written by another run.", innerException)
{
    public string Path { get; } = path;
}
