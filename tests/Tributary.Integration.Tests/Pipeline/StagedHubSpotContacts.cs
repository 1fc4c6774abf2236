using System.Text;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>New blank contacts in HubSpot's simulator, staged for the pipeline the way an operator backfills: a CSV and <c>tributary stage</c>.</summary>
internal static class StagedHubSpotContacts
{
    /// <summary>Creates <paramref name="count"/> contacts, stages them through the real CLI in <paramref name="directory"/>, and returns their ids.</summary>
    public static async Task<IReadOnlyList<string>> StageAsync(
        HubSpotSimulator hubSpot, int count, TempDirectory directory, IDictionary<string, string?> environment)
    {
        var ids = hubSpot.CreateContacts(count, blank: true);
        var csv = new StringBuilder("source,crmId\n");
        foreach (var id in ids)
        {
            csv.Append("hubspot,").Append(id).Append('\n');
        }

        await File.WriteAllTextAsync(directory.File("contacts.csv"), csv.ToString());
        await using var stage = await TributaryProcess.RunAsync(["stage", "contacts.csv"], environment, directory.Path);
        stage.ExitCode.ShouldBe(0, stage.Output);
        return ids;
    }
}
