using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Parquet.Serialization;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Batch;

/// <summary><c>tributary enrich</c> end to end: the real executable against Clearbit and ZoomInfo simulators.</summary>
public sealed class FileEnrichmentTests : IClassFixture<BatchSimulators>, IDisposable
{
    private readonly BatchSimulators _simulators;
    private readonly EnrichCli _cli;

    public FileEnrichmentTests(BatchSimulators simulators)
    {
        _simulators = simulators;
        simulators.Reset();
        _cli = new EnrichCli(simulators);
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>Twenty sample people, then nobody, then an email that cannot be parsed.</summary>
    private string WriteContacts(string name = "contacts.csv")
    {
        var csv = new StringBuilder("Email,First Name,Last Name,Company\n");
        foreach (var person in _simulators.People.Take(20))
        {
            csv.Append($"{person.Email},{person.FirstName},{person.LastName},\"{person.Company.Name}\"\n");
        }

        csv.Append($"{SampleIdentifiers.UnknownEmail},No,Body,Unknown\n");
        csv.Append("not-an-email,Bad,Email,Nowhere\n");
        return _cli.Write(name, csv.ToString());
    }

    [Fact]
    public async Task Enrich_CsvToCsv_KeepsEveryRowInOrderWithInputColumnsAndEnrichedFields()
    {
        WriteContacts();

        await using var run = await _cli.RunAsync("contacts.csv", "--out", "enriched.csv");

        run.ExitCode.ShouldBe(0, run.Output);
        var table = CsvTable.Read(_cli.File("enriched.csv"));
        table.Header.Take(4).ShouldBe(["Email", "First Name", "Last Name", "Company"]);
        table.Header.ShouldContain("jobTitle");
        table.Header.ShouldContain("companyName");
        table.Header.ShouldContain("enriched_email");
        table.Header.TakeLast(4).ShouldBe(["status", "source", "confidence", "partial"]);
        table.Rows.Count.ShouldBe(22);
        table.Rows.Select(r => r["Email"]).ShouldBe([.. _simulators.People.Take(20).Select(p => p.Email), SampleIdentifiers.UnknownEmail, "not-an-email"]);

        var jane = table.Rows[0];
        jane["name"].ShouldBe("Jane Doe");
        jane["jobTitle"].ShouldBe(SampleIdentifiers.JaneDoeTitle);
        jane["companyName"].ShouldBe(SampleIdentifiers.AcmeName);
        jane["employeeCount"].ShouldBe("500");
        jane["status"].ShouldBe("matched");
        double.Parse(jane["confidence"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0.5);
        jane["partial"].ShouldBe("false");
        table.Rows.Take(20).Count(r => r["status"] == "matched").ShouldBeGreaterThanOrEqualTo(15);
        table.Rows.Take(20).ShouldAllBe(r => r["status"] == "matched" || r["status"] == "unmatched");
        table.Rows[20]["status"].ShouldBe("unmatched");
        table.Rows[20]["source"].ShouldBe("none");
        table.Rows[20]["employeeCount"].ShouldBe("0");
        table.Rows[21]["status"].ShouldBe("rejected");

        // A row not enriched has every field unknown, as job results write it: "" or 0, never an empty number.
        table.Rows[21]["employeeCount"].ShouldBe("0");
        table.Rows[21]["jobTitle"].ShouldBe("");
        table.Rows[21]["source"].ShouldBe("none");
        table.Rows[21]["confidence"].ShouldBe("0");
        table.Rows[21]["partial"].ShouldBe("false");

        var rejects = CsvTable.Read(_cli.File("enriched.csv.rejects.csv"));
        rejects.Rows.ShouldHaveSingleItem();
        rejects.Rows[0]["line"].ShouldBe("23");
        rejects.Rows[0]["reason"].ShouldStartWith("email:");
        rejects.Rows[0]["raw"].ShouldContain("not-an-email");

        run.StandardOutput.ShouldContain("22 rows");
        run.StandardOutput.ShouldContain("match rate");
        run.StandardOutput.ShouldContain("fill rate");
        run.StandardOutput.ShouldContain("credits");
        File.Exists(_cli.File("enriched.csv.partial")).ShouldBeFalse();
    }

    [Fact]
    public async Task Enrich_RowsAProviderCouldNotAnswer_AreMarkedPartialAndCounted()
    {
        WriteContacts();
        _simulators.Sandbox.Clearbit.Faults.FailStatus = 503;

        await using var run = await _cli.RunAsync("contacts.csv", "--out", "enriched.csv", "--Providers:Clearbit:RetryBaseDelayMs=1");

        // ZoomInfo still matched them, but Clearbit's fields are missing: the row says so, and a rerun asks Clearbit again.
        run.ExitCode.ShouldBe(0, run.Output);
        var jane = CsvTable.Read(_cli.File("enriched.csv")).Rows[0];
        jane["status"].ShouldBe("matched");
        jane["source"].ShouldBe("zoominfo");
        jane["partial"].ShouldBe("true");
        // Every row's partial column is true (Clearbit answered none), and the summary counts each, and says why.
        int Count(string line) => int.Parse(System.Text.RegularExpressions.Regex.Match(run.StandardOutput, line + @"\s+(\d+)\s").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Count("partial").ShouldBe(Count("matched") + Count("unmatched") + Count("failed"));
        run.StandardOutput.ShouldContain("clearbit: server_error in ", Case.Sensitive);
    }

    [Fact]
    public async Task Enrich_CsvToJsonLines_WritesOneObjectPerRowWithTypedNumbers_NeverNull()
    {
        WriteContacts();

        await using var run = await _cli.RunAsync("contacts.csv", "--out", "enriched.jsonl", "--rejects", "bad.csv");

        run.ExitCode.ShouldBe(0, run.Output);
        var lines = File.ReadAllLines(_cli.File("enriched.jsonl"));
        lines.Length.ShouldBe(22);
        using var jane = JsonDocument.Parse(lines[0]);
        jane.RootElement.GetProperty("Email").GetString().ShouldBe(SampleIdentifiers.JaneDoeEmail);
        jane.RootElement.GetProperty("name").GetString().ShouldBe("Jane Doe");
        jane.RootElement.GetProperty("phone").GetString().ShouldBe(SampleIdentifiers.JaneDoePhone);
        jane.RootElement.GetProperty("employeeCount").GetInt64().ShouldBe(500);
        jane.RootElement.GetProperty("status").GetString().ShouldBe("matched");
        jane.RootElement.GetProperty("confidence").GetDouble().ShouldBeGreaterThan(0.5);
        jane.RootElement.GetProperty("partial").GetBoolean().ShouldBeFalse();
        using var unmatched = JsonDocument.Parse(lines[20]);
        unmatched.RootElement.GetProperty("status").GetString().ShouldBe("unmatched");
        unmatched.RootElement.GetProperty("employeeCount").GetInt64().ShouldBe(0);
        using var rejected = JsonDocument.Parse(lines[21]);
        rejected.RootElement.GetProperty("status").GetString().ShouldBe("rejected");
        rejected.RootElement.GetProperty("employeeCount").GetInt64().ShouldBe(0);
        rejected.RootElement.GetProperty("jobTitle").GetString().ShouldBe("");
        rejected.RootElement.GetProperty("confidence").GetDouble().ShouldBe(0);
        rejected.RootElement.GetProperty("partial").GetBoolean().ShouldBeFalse();

        // The flat contract: every field present, "" or 0 when unknown, never null.
        foreach (var line in lines)
        {
            using var row = JsonDocument.Parse(line);
            row.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Null).Select(p => p.Name).ShouldBeEmpty(line);
        }

        CsvTable.Read(_cli.File("bad.csv")).Rows.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Enrich_CsvToParquet_CanBeReadBackWithParquetNet()
    {
        WriteContacts();

        await using var run = await _cli.RunAsync("contacts.csv", "--out", "enriched.parquet");

        run.ExitCode.ShouldBe(0, run.Output);
        await using var stream = File.OpenRead(_cli.File("enriched.parquet"));
        var parquet = await ParquetSerializer.DeserializeUntypedAsync(stream);
        var rows = parquet.Data;
        rows.Count.ShouldBe(22);
        rows[0]["Email"].ShouldBe(SampleIdentifiers.JaneDoeEmail);
        rows[0]["name"].ShouldBe("Jane Doe");
        rows[0]["employeeCount"].ShouldBe(500L);
        rows[0]["status"].ShouldBe("matched");
        ((double)rows[0]["confidence"]!).ShouldBeGreaterThan(0.5);
        rows[0]["partial"].ShouldBe(false);
        rows[20]["employeeCount"].ShouldBe(0L);
        rows[21]["status"].ShouldBe("rejected");
        rows[21]["employeeCount"].ShouldBe(0L);
        rows[21]["confidence"].ShouldBe(0d);
        rows[21]["partial"].ShouldBe(false);
        rows.SelectMany(r => r.Where(column => column.Value is null).Select(column => column.Key)).ShouldBeEmpty();
        rows.Select(r => r["Email"]).ShouldBe([.. _simulators.People.Take(20).Select(p => p.Email), SampleIdentifiers.UnknownEmail, "not-an-email"]);
    }

    [Fact]
    public async Task Enrich_JsonLinesInput_TakesEveryKeySeenAsAColumn()
    {
        var jane = SampleIdentifiers.JaneDoeEmail;
        var luna = _simulators.People[1].Email;
        _cli.Write("contacts.jsonl", $$"""
            {"email":"{{jane}}","crmId":17}
            this is not json

            ["not","an","object"]
            {"email":"{{luna}}","crmId":18,"owner":"ann"}
            """);

        await using var run = await _cli.RunAsync("contacts.jsonl", "--out", "enriched.csv");

        run.ExitCode.ShouldBe(0, run.Output);
        var table = CsvTable.Read(_cli.File("enriched.csv"));
        table.Header.Take(3).ShouldBe(["email", "crmId", "owner"]);
        table.Rows.Select(r => r["email"]).ShouldBe([jane, luna]);
        table.Rows.Select(r => r["crmId"]).ShouldBe(["17", "18"]);
        table.Rows[0]["name"].ShouldBe("Jane Doe");
        var rejects = CsvTable.Read(_cli.File("enriched.csv.rejects.csv"));
        rejects.Rows.Select(r => (r["line"], r["reason"])).ShouldBe([("2", "malformed JSON"), ("4", "not a JSON object")]);
    }

    [Fact]
    public async Task Enrich_DetectsColumnsBySynonym_AndMapOverridesDetection()
    {
        var luna = _simulators.People[1];
        _cli.Write("people.csv", $"""
            Contact,E-mail Address,Mobile Phone,Company Website,Given Name,Surname
            {SampleIdentifiers.JaneDoeEmail},{luna.Email},,,Luna,Martin
            """);

        await using var detected = await _cli.RunAsync("people.csv", "--out", "detected.csv");
        await using var mapped = await _cli.RunAsync("people.csv", "--out", "mapped.csv", "--map", "Contact=email", "--map", "E-mail Address=none");

        detected.ExitCode.ShouldBe(0, detected.Output);
        CsvTable.Read(_cli.File("detected.csv")).Rows[0]["name"].ShouldBe("Luna Martin");
        mapped.ExitCode.ShouldBe(0, mapped.Output);
        CsvTable.Read(_cli.File("mapped.csv")).Rows[0]["name"].ShouldBe("Jane Doe");
    }

    [Fact]
    public async Task Enrich_KeepsTheCallersOwnIdColumns_OnEveryRow()
    {
        _cli.Write("leads.csv", $"""
            id,externalId,email
            lead-1,crm-9,{SampleIdentifiers.JaneDoeEmail}
            lead-2,,{SampleIdentifiers.UnknownEmail}
            lead-3,crm-11,not-an-email
            """);

        await using var run = await _cli.RunAsync("leads.csv", "--out", "leads.jsonl");

        run.ExitCode.ShouldBe(0, run.Output);
        var rows = File.ReadAllLines(_cli.File("leads.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        rows.Select(r => r.GetProperty("id").GetString()).ShouldBe(["lead-1", "lead-2", "lead-3"]);
        rows.Select(r => r.GetProperty("externalId").GetString()).ShouldBe(["crm-9", "", "crm-11"]);
        rows.Select(r => r.GetProperty("status").GetString()).ShouldBe(["matched", "unmatched", "rejected"]);
    }

    [Fact]
    public async Task Enrich_WithACrmProvider_AddsItsCustomFieldsAsColumns()
    {
        await using var crm = await Connectors.StubApi.StartAsync(app => app.MapGet(
            "/customers/{email}",
            (string email) => email == SampleIdentifiers.JaneDoeEmail
                ? Microsoft.AspNetCore.Http.Results.Text("""{"tier":"gold"}""", "application/json")
                : Microsoft.AspNetCore.Http.Results.NotFound()));
        _cli.Settings["Providers__Http__Crm__BaseUrl"] = crm.BaseUrl;
        _cli.Settings["Providers__Http__Crm__PathTemplate"] = "/customers/{email}";
        _cli.Settings["Providers__Http__Crm__Mapping__loyaltyTier"] = "tier";
        WriteContacts();

        await using var run = await _cli.RunAsync("contacts.csv", "--out", "enriched.csv");

        run.ExitCode.ShouldBe(0, run.Output);
        var table = CsvTable.Read(_cli.File("enriched.csv"));
        table.Header.SkipWhile(h => h != "country").Skip(1).First().ShouldBe("loyaltyTier");
        table.Rows[0]["loyaltyTier"].ShouldBe("gold");
        table.Rows[1]["loyaltyTier"].ShouldBe(string.Empty);
        run.StandardOutput.ShouldContain("loyaltyTier 5 %");
    }

    [Theory]
    [InlineData("missing.csv", "--out", "out.csv")]
    [InlineData("contacts.csv", "--out", "out.xlsx")]
    [InlineData("contacts.txt", "--out", "out.csv")]
    [InlineData("contacts.csv")]
    [InlineData("contacts.csv", "--out", "out.csv", "--map", "Email")]
    [InlineData("contacts.csv", "--out", "out.csv", "--map", "Email=shoe-size")]
    [InlineData("contacts.csv", "--out", "out.csv", "--map", "Nope=email")]
    [InlineData("contacts.csv", "--out", "out.csv", "--mode", "sideways")]
    [InlineData("contacts.csv", "--out", "out.csv", "--concurrency", "0")]
    [InlineData("contacts.csv", "--out", "out.csv", "--providers", "clearbit,nosuch")]
    [InlineData("contacts.csv", "--out", "no/such/dir/out.csv")]
    [InlineData("nothing.csv", "--out", "out.csv")]
    public async Task Enrich_BadArguments_ExitWith2WithoutWritingAnything(params string[] args)
    {
        WriteContacts();
        File.Copy(_cli.File("contacts.csv"), _cli.File("contacts.txt"));
        _cli.Write("nothing.csv", "Color,Size\nred,XL\n");

        await using var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(2, run.Output);
        run.Output.ShouldNotBeNullOrWhiteSpace();
        File.Exists(_cli.File("out.csv")).ShouldBeFalse();
    }

    [Fact]
    public async Task Enrich_RecordsAnEnrichmentRunWithItsCounts()
    {
        WriteContacts();

        await using var run = await _cli.RunAsync("contacts.csv", "--out", "enriched.csv");

        run.ExitCode.ShouldBe(0, run.Output);
        var recorded = (await _cli.RunsAsync()).ShouldHaveSingleItem();
        var table = CsvTable.Read(_cli.File("enriched.csv"));
        recorded.Kind.ShouldBe(RunKind.File);
        recorded.InputName.ShouldBe("contacts.csv");
        recorded.FinishedAt.ShouldNotBeNull();
        recorded.FinishedAt.Value.ShouldBeGreaterThanOrEqualTo(recorded.StartedAt);
        recorded.Totals.Rows.ShouldBe(22);
        recorded.Totals.Matched.ShouldBe(table.Rows.Count(r => r["status"] == "matched"));
        recorded.Totals.Unmatched.ShouldBe(table.Rows.Count(r => r["status"] == "unmatched"));
        recorded.Totals.Rejected.ShouldBe(1);
        recorded.Totals.Failed.ShouldBe(0);
        recorded.Totals.CreditsSpent.ShouldBeGreaterThan(0);
        run.StandardOutput.ShouldContain(recorded.Id);
    }

    [Fact]
    public async Task Enrich_TheShippedSample_WorksInSandboxModeWithNoConfiguration()
    {
        var sample = Path.Combine(RepositoryRoot(), "samples", "contacts.csv");
        using var directory = new Infrastructure.TempDirectory();

        await using var run = await Infrastructure.TributaryProcess.RunAsync(["enrich", sample, "--out", "enriched.csv"], workingDirectory: directory.Path);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("Sandbox mode");
        var table = CsvTable.Read(directory.File("enriched.csv"));
        table.Rows.Count.ShouldBeGreaterThanOrEqualTo(30);
        table.Rows[0]["name"].ShouldBe("Jane Doe");
        table.Rows.Single(r => r["Email"] == SampleIdentifiers.UnknownEmail)["status"].ShouldBe("unmatched");
        CsvTable.Read(directory.File("enriched.csv.rejects.csv")).Rows.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "samples", "contacts.csv")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("samples/contacts.csv not found above " + AppContext.BaseDirectory);
    }
}
