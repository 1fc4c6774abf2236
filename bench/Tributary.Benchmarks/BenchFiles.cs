using System.Text;
using Tributary.Simulators.Dataset;

namespace Tributary.Benchmarks;

/// <summary>Input files for the batch runs.</summary>
internal static class BenchFiles
{
    /// <summary>
    /// A CSV of <paramref name="rows"/> distinct subjects: the sample people first (known to most providers), then
    /// made-up addresses at made-up companies (every one a provider call answered "no match"). No row repeats, so
    /// nothing comes from the cache unless the run is a rerun.
    /// </summary>
    public static string WriteContacts(string path, int rows)
    {
        var people = SampleDataset.Create().People;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("email,first name,last name,company\n");
        for (var i = 0; i < rows; i++)
        {
            if (i < people.Count)
            {
                var p = people[i];
                writer.Write($"{p.Email},{p.FirstName},{p.LastName},\"{p.Company.Name}\"\n");
            }
            else
            {
                writer.Write(FormattableString.Invariant($"person{i}@bench-company-{i % 5000}.io,Person,{i},Bench Company {i % 5000}\n"));
            }
        }

        return path;
    }
}
