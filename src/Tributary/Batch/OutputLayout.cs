namespace Tributary.Host.Batch;

/// <summary>
/// The output's columns: every input column, then the enriched fields, then status, source and confidence. An output
/// column whose name an input column already uses (case-insensitively) is prefixed <c>enriched_</c>, so no header
/// is ambiguous.
/// </summary>
internal sealed class OutputLayout
{
    public OutputLayout(IReadOnlyList<string> inputColumns)
    {
        InputColumns = inputColumns;
        var taken = new HashSet<string>(inputColumns, StringComparer.OrdinalIgnoreCase);
        string Name(string field)
        {
            var name = taken.Contains(field) ? "enriched_" + field : field;
            taken.Add(name);
            return name;
        }

        EnrichedColumns = EnrichedField.All.Select(f => Name(f.Field)).ToArray();
        StatusColumn = Name("status");
        SourceColumn = Name("source");
        ConfidenceColumn = Name("confidence");
    }

    public IReadOnlyList<string> InputColumns { get; }

    /// <summary>Names of <see cref="EnrichedField.All"/>, in that order.</summary>
    public IReadOnlyList<string> EnrichedColumns { get; }

    public string StatusColumn { get; }

    public string SourceColumn { get; }

    public string ConfidenceColumn { get; }

    public IEnumerable<string> AllColumns => [.. InputColumns, .. EnrichedColumns, StatusColumn, SourceColumn, ConfidenceColumn];
}
