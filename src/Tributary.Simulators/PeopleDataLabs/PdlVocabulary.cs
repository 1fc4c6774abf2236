using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.PeopleDataLabs;

/// <summary>PDL's canonical job levels, roles and classes, and its salary bands.</summary>
internal static class PdlVocabulary
{
    public static string Level(Seniority seniority) => seniority == Seniority.CSuite ? "cxo" : seniority.Key();

    public static string Role(DepartmentProfile department) => department.Key switch
    {
        "hr" => "human_resources",
        "it" => "engineering",
        var key => key,
    };

    public static string SubRole(DepartmentProfile department) => department.Key switch
    {
        "engineering" => "software",
        "it" => "information_technology",
        "sales" => "account_executive",
        "marketing" => "product_marketing",
        "finance" => "accounting",
        "operations" => "logistics",
        "hr" => "recruiting",
        _ => "legal_services",
    };

    public static string Class(DepartmentProfile department) => department.Key switch
    {
        "engineering" or "it" => "research_and_development",
        "sales" or "marketing" => "sales_and_marketing",
        _ => "general_and_administrative",
    };

    public static string InferredSalary(Seniority seniority) => seniority switch
    {
        Seniority.CSuite => ">250,000",
        Seniority.Vp => "150,000-250,000",
        Seniority.Director => "100,000-150,000",
        Seniority.Manager => "85,000-100,000",
        Seniority.Senior => "70,000-85,000",
        _ => "45,000-55,000",
    };

    /// <summary>"san francisco, california, united states".</summary>
    public static string LocationName(SampleLocation location) =>
        $"{location.City}, {location.State}, {location.Country}".ToLowerInvariant();

    public static string Geo(SampleLocation location) =>
        FormattableString.Invariant($"{location.Latitude:0.00},{location.Longitude:0.00}");
}
