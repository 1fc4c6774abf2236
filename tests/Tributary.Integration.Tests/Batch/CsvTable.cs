using System.Globalization;
using CsvHelper;

namespace Tributary.IntegrationTests.Batch;

/// <summary>A CSV file read back whole: its header and rows by column name.</summary>
internal sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.Select((name, i) => (name, value: csv.GetField(i) ?? string.Empty)).ToDictionary(p => p.name, p => p.value));
        }

        return new CsvTable(header, rows);
    }
}
