using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Connectors.Apollo;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.Hunter;
using Tributary.Connectors.PeopleDataLabs;
using Tributary.Connectors.ZoomInfo;
using Tributary.Profiles;

namespace Tributary.Tests.Connectors;

/// <summary>
/// Every level each provider documents, read by that provider's own mapping from a record in its own wire shape, lands
/// on the one vocabulary. The tables are written by hand from the providers' documentation (sources on each test);
/// no title is sent, so the level alone decides.
/// </summary>
public sealed class SeniorityMappingTests
{
    /// <summary>
    /// ZoomInfo <c>managementLevel</c>: the values its enrich answers carry (<c>C-Level</c>, <c>VP-Level</c> in
    /// zoominfo-enrich-contact.json; Director, Manager, Non-Manager) and the names of its Management Levels lookup.
    /// </summary>
    [Theory]
    [InlineData("C-Level", "c_suite")]
    [InlineData("VP-Level", "vp")]
    [InlineData("Director", "director")]
    [InlineData("Manager", "manager")]
    [InlineData("Non-Manager", "entry")]
    [InlineData("C Level Exec", "c_suite")]
    [InlineData("VP Level Exec", "vp")]
    [InlineData("VP Level Execs", "vp")]
    [InlineData("Non Manager", "entry")]
    public void ZoomInfo_ManagementLevel(string level, string expected) =>
        ZoomInfoSeniority(new JsonArray(level)).ShouldBe(expected);

    [Fact]
    public void ZoomInfo_SeveralManagementLevels_TakeTheMostSenior() =>
        ZoomInfoSeniority(new JsonArray("VP-Level", "C-Level")).ShouldBe("c_suite");

    [Fact]
    public void ZoomInfo_ASingleTextInsteadOfAList_IsReadToo() =>
        ZoomInfoSeniority(JsonValue.Create("C-Level")).ShouldBe("c_suite");

    /// <summary>Clearbit <c>employment.seniority</c>: executive, director, manager (Clearbit Person API docs).</summary>
    [Theory]
    [InlineData("executive", "c_suite")]
    [InlineData("director", "director")]
    [InlineData("manager", "manager")]
    public void Clearbit_EmploymentSeniority(string level, string expected) =>
        Map("""{"employment":{"seniority":""" + Quote(level) + "}}", ClearbitJsonContext.Default.ClearbitPerson, ClearbitMapping.MapPerson)
            .ShouldBe(expected);

    /// <summary>Apollo <c>seniority</c>: the options of <c>person_seniorities[]</c> in Apollo's People Search reference.</summary>
    [Theory]
    [InlineData("owner", "c_suite")]
    [InlineData("founder", "c_suite")]
    [InlineData("c_suite", "c_suite")]
    [InlineData("partner", "c_suite")]
    [InlineData("vp", "vp")]
    [InlineData("head", "director")]
    [InlineData("director", "director")]
    [InlineData("manager", "manager")]
    [InlineData("senior", "senior")]
    [InlineData("entry", "entry")]
    [InlineData("intern", "entry")]
    public void Apollo_Seniority(string level, string expected) =>
        Map("""{"seniority":""" + Quote(level) + "}", ApolloJsonContext.Default.ApolloPerson, ApolloMapping.MapPerson).ShouldBe(expected);

    /// <summary>Hunter <c>seniority</c>: junior, senior, executive (Hunter API v2, domain search).</summary>
    [Theory]
    [InlineData("junior", "entry")]
    [InlineData("senior", "senior")]
    [InlineData("executive", "c_suite")]
    public void Hunter_Seniority(string level, string expected) =>
        Map("""{"employment":{"seniority":""" + Quote(level) + "}}", HunterJsonContext.Default.HunterPerson, HunterMapping.MapPerson)
            .ShouldBe(expected);

    /// <summary>People Data Labs <c>job_title_levels</c>: the canonical values of PDL's Job Title Levels enum.</summary>
    [Theory]
    [InlineData("cxo", "c_suite")]
    [InlineData("owner", "c_suite")]
    [InlineData("partner", "c_suite")]
    [InlineData("vp", "vp")]
    [InlineData("director", "director")]
    [InlineData("manager", "manager")]
    [InlineData("senior", "senior")]
    [InlineData("entry", "entry")]
    [InlineData("training", "entry")]
    [InlineData("unpaid", "entry")]
    public void PeopleDataLabs_JobTitleLevels(string level, string expected) =>
        Map("""{"job_title_levels":[""" + Quote(level) + "]}", PeopleDataLabsJsonContext.Default.PdlPerson, PeopleDataLabsMapping.MapPerson)
            .ShouldBe(expected);

    [Fact]
    public void PeopleDataLabs_SeveralLevels_TakeTheMostSenior() =>
        Map("""{"job_title_levels":["senior","manager"]}""", PeopleDataLabsJsonContext.Default.PdlPerson, PeopleDataLabsMapping.MapPerson)
            .ShouldBe("manager");

    /// <summary>clearbit-person-find.json and hunter-combined-find.json: <c>executive</c> with the title <c>VP Engineering</c>.</summary>
    [Fact]
    public void Executive_WithAVicePresidentsTitle_IsVp()
    {
        Map("""{"employment":{"title":"VP Engineering","seniority":"executive"}}""", ClearbitJsonContext.Default.ClearbitPerson, ClearbitMapping.MapPerson)
            .ShouldBe("vp");
        Map("""{"employment":{"title":"VP Engineering","seniority":"executive"}}""", HunterJsonContext.Default.HunterPerson, HunterMapping.MapPerson)
            .ShouldBe("vp");
    }

    [Theory]
    [InlineData("Board of Wizards")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    public void ZoomInfo_AnUnknownLevel_LeavesSeniorityEmpty(string level) =>
        ZoomInfoSeniority(new JsonArray(level)).ShouldBeNull();

    private static string? ZoomInfoSeniority(JsonNode level)
    {
        var json = new JsonObject { ["managementLevel"] = level }.ToJsonString();
        return Map(json, ZoomInfoJsonContext.Default.ZoomInfoContact, ZoomInfoMapping.MapContact);
    }

    private static string? Map<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> wire, Action<T, ProfileBuilder> map)
    {
        var record = JsonSerializer.Deserialize(json, wire)!;
        var profile = new ProfileBuilder("test", 1, DateTimeOffset.UnixEpoch);
        map(record, profile);
        return profile.Build()[ProfileFields.Seniority]?.Value.AsText();
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
