namespace Tributary.Host.Batch.Output;

/// <summary>
/// A run's output and rejects, written to <c>.partial</c> files beside them and moved into place once complete, so a
/// killed run never leaves a truncated file. Each is locked to this run before it is emptied: a second run naming the
/// same file is refused (<see cref="OutputInUseException"/>) without touching the first one's. Disposed before
/// <see cref="CommitAsync"/>, they are deleted.
/// </summary>
internal sealed class PartialFiles : IAsyncDisposable
{
    private readonly string _output;
    private readonly string _rejects;
    private bool _committed;

    private PartialFiles(string output, string rejects, FileStream outputStream, FileStream rejectsStream)
    {
        (_output, _rejects) = (output, rejects);
        (Output, Rejects) = (outputStream, rejectsStream);
    }

    public FileStream Output { get; }

    public FileStream Rejects { get; }

    public static PartialFiles Open(string output, string rejects)
    {
        var outputStream = OpenExclusive(output, FileAccess.ReadWrite, 64 * 1024);
        try
        {
            return new PartialFiles(output, rejects, outputStream, OpenExclusive(rejects, FileAccess.Write, 16 * 1024));
        }
        catch
        {
            outputStream.Dispose();
            TryDelete(Partial(output));
            throw;
        }
    }

    /// <summary>Closes both and moves them into place.</summary>
    public async Task CommitAsync()
    {
        await Output.DisposeAsync();
        await Rejects.DisposeAsync();
        File.Move(Partial(_output), _output, overwrite: true);
        File.Move(Partial(_rejects), _rejects, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await Output.DisposeAsync();
        await Rejects.DisposeAsync();
        if (!_committed)
        {
            TryDelete(Partial(_output));
            TryDelete(Partial(_rejects));
        }
    }

    private static string Partial(string path) => path + ".partial";

    private static FileStream OpenExclusive(string path, FileAccess access, int bufferSize)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(Partial(path), FileMode.OpenOrCreate, access, FileShare.None, bufferSize);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new OutputInUseException(path, ex);
        }

        stream.SetLength(0);
        return stream;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
