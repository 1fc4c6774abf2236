namespace Tributary.Host.Batch;

/// <summary>Input formats, chosen by the file's extension.</summary>
internal enum InputFormat
{
    Csv,
    JsonLines,
}

/// <summary>Output formats, chosen by the <c>--out</c> extension.</summary>
internal enum OutputFormat
{
    Csv,
    JsonLines,
    Parquet,
}

/// <summary>Formats by extension: <c>.csv</c>, <c>.jsonl</c> / <c>.ndjson</c>, <c>.parquet</c>.</summary>
internal static class FileFormats
{
    public static InputFormat? InputOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => InputFormat.Csv,
        ".jsonl" or ".ndjson" => InputFormat.JsonLines,
        _ => null,
    };

    public static OutputFormat? OutputOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => OutputFormat.Csv,
        ".jsonl" or ".ndjson" => OutputFormat.JsonLines,
        ".parquet" => OutputFormat.Parquet,
        _ => null,
    };
}
