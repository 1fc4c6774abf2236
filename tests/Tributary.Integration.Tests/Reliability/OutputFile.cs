using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Tributary.IntegrationTests.Reliability;

/// <summary>One row of an enrich output: its first cell, its name cell and its status.</summary>
internal sealed record OutputRow(string Ref, string? Name, string Status);

/// <summary>An enrich output and rejects file read back strictly: a file that does not parse fails the test.</summary>
internal static class OutputFile
{
    public static List<OutputRow> Read(string path, string nameColumn, string context)
    {
        File.Exists(path).ShouldBeTrue($"no output file\n{context}");
        return path.EndsWith(".csv", StringComparison.Ordinal) ? ReadCsv(path, nameColumn, context) : ReadJsonLines(path, nameColumn, context);
    }

    /// <summary>Line number → reason.</summary>
    public static Dictionary<long, string> ReadRejects(string path, string context)
    {
        File.Exists(path).ShouldBeTrue($"no rejects file\n{context}");
        var rejects = new Dictionary<long, string>();
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read().ShouldBeTrue($"the rejects file has no header\n{context}");
        csv.ReadHeader();
        csv.HeaderRecord.ShouldBe(["line", "reason", "raw"], context);
        while (csv.Read())
        {
            csv.Parser.Count.ShouldBe(3, context);
            var line = long.Parse(csv.GetField(0)!, CultureInfo.InvariantCulture);
            rejects.TryAdd(line, csv.GetField(1)!).ShouldBeTrue($"line {line} rejected twice\n{context}");
        }

        return rejects;
    }

    private static List<OutputRow> ReadCsv(string path, string nameColumn, string context)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read().ShouldBeTrue($"the output has no header\n{context}");
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var reference = Array.IndexOf(header, "ref");
        reference.ShouldBeGreaterThanOrEqualTo(0, context);
        var name = Array.IndexOf(header, nameColumn);
        var status = Array.IndexOf(header, "status");
        status.ShouldBeGreaterThan(0, context);
        var rows = new List<OutputRow>();
        while (csv.Read())
        {
            csv.Parser.Count.ShouldBe(header.Length, $"an output row of {csv.Parser.Count} cells under {header.Length} columns\n{context}");
            rows.Add(new OutputRow(csv.GetField(reference)!, name < 0 ? null : csv.GetField(name), csv.GetField(status)!));
        }

        return rows;
    }

    private static List<OutputRow> ReadJsonLines(string path, string nameColumn, string context)
    {
        var rows = new List<OutputRow>();
        var text = File.ReadAllText(path);
        if (text.Length > 0)
        {
            text.ShouldEndWith("\n", Case.Sensitive, context);
        }

        foreach (var line in text.Split('\n')[..^1])
        {
            using var json = JsonDocument.Parse(line);
            json.RootElement.ValueKind.ShouldBe(JsonValueKind.Object, context);
            var name = json.RootElement.TryGetProperty(nameColumn, out var value) ? value.GetString() : null;
            rows.Add(new OutputRow(json.RootElement.GetProperty("ref").GetString()!, name, json.RootElement.GetProperty("status").GetString()!));
        }

        return rows;
    }
}
