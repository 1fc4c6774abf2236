using Tributary.Host.Flat;

namespace Tributary.Host.Batch;

/// <summary>
/// The output's columns: every input column, then the flat fields, then status, source, confidence and partial (some
/// provider could not answer: a rerun asks it again). An output column whose name an input column already uses
/// (case-insensitively) is prefixed <c>enriched_</c>, and numbered after that if the input has that name too (a file
/// that is itself an earlier run's output), so no header or JSON member is given twice.
/// </summary>
internal sealed class OutputLayout
{
    public OutputLayout(IReadOnlyList<string> inputColumns, FlatFields fields)
    {
        InputColumns = inputColumns;
        Fields = fields.All;
        var taken = new HashSet<string>(inputColumns, StringComparer.OrdinalIgnoreCase);
        string Name(string field)
        {
            var name = taken.Contains(field) ? "enriched_" + field : field;
            for (var n = 2; taken.Contains(name); n++)
            {
                name = $"enriched_{field}_{n}";
            }

            taken.Add(name);
            return name;
        }

        EnrichedColumns = Fields.Select(f => Name(f.Name)).ToArray();
        StatusColumn = Name("status");
        SourceColumn = Name("source");
        ConfidenceColumn = Name("confidence");
        PartialColumn = Name("partial");
    }

    public IReadOnlyList<string> InputColumns { get; }

    /// <summary>The flat fields written after the input columns.</summary>
    public IReadOnlyList<FlatField> Fields { get; }

    /// <summary>Column names of <see cref="Fields"/>, in that order.</summary>
    public IReadOnlyList<string> EnrichedColumns { get; }

    public string StatusColumn { get; }

    public string SourceColumn { get; }

    public string ConfidenceColumn { get; }

    public string PartialColumn { get; }

    public IEnumerable<string> AllColumns => [.. InputColumns, .. EnrichedColumns, StatusColumn, SourceColumn, ConfidenceColumn, PartialColumn];
}
