namespace Tributary.Host.Cli;

/// <summary>
/// Whether a file named on the command line (<c>--out</c>, <c>--rejects</c>) can be written, asked before any work
/// starts: a path that cannot be is bad arguments (exit code 2) naming the option, not an I/O failure at the end.
/// </summary>
internal static class WritableFile
{
    /// <summary>What is wrong with writing <paramref name="path"/>, worded for the terminal and naming <paramref name="option"/>; null when nothing is.</summary>
    /// <param name="option">The option that named the file, e.g. <c>--out</c>.</param>
    /// <param name="path">The file, as a full path.</param>
    public static string? Problem(string option, string path)
    {
        if (Directory.Exists(path))
        {
            return $"{option}: {path} is a directory; name a file.";
        }

        var directory = Path.GetDirectoryName(path);
        if (directory is null || Path.GetFileName(path).Length == 0)
        {
            return $"{option}: {path} is not a file.";
        }

        if (!Directory.Exists(directory))
        {
            return $"{option}: the directory {directory} does not exist.";
        }

        try
        {
            // A file of our own next to it (removed on close) shows the directory takes new ones, as a run writes
            // OUT.partial and renames it; an existing file is opened for writing without being changed.
            var probe = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.probe");
            new FileStream(probe, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose();

            if (File.Exists(path))
            {
                new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite).Dispose();
            }

            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"{option}: cannot write {path}: permission denied.";
        }
        catch (IOException ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // What Linux answers for a directory such as /proc, which exists but takes no files.
            return $"{option}: cannot write {path}: {directory} does not take new files.";
        }
        catch (IOException ex)
        {
            return $"{option}: cannot write {path}: {ex.Message}";
        }
    }
}
