using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.Apollo;

/// <summary>Apollo's department, function and revenue vocabulary.</summary>
internal static class ApolloVocabulary
{
    public static string Department(SamplePerson person) => person.Seniority == Seniority.CSuite
        ? "c_suite"
        : person.Department.Key switch
        {
            "engineering" => "master_engineering_technical",
            "hr" => "master_human_resources",
            "it" => "master_information_technology",
            var key => "master_" + key,
        };

    public static string Function(DepartmentProfile department) => department.Key switch
    {
        "hr" => "human_resources",
        "it" => "information_technology",
        var key => key,
    };

    public static string SubDepartment(SamplePerson person) => person.Seniority == Seniority.CSuite
        ? "executive"
        : person.Department.Key switch
        {
            "engineering" => "software_development",
            "sales" => "sales",
            "marketing" => "marketing",
            "finance" => "finance",
            "operations" => "operations",
            "hr" => "human_resources",
            "it" => "information_technology",
            _ => "legal",
        };

    /// <summary>"75M" or "2.5B", as <c>annual_revenue_printed</c>.</summary>
    public static string PrintedRevenue(long dollars) =>
        dollars >= 1_000_000_000 ? $"{dollars / 1_000_000_000.0:0.#}B" : dollars >= 1_000_000 ? $"{dollars / 1_000_000.0:0.#}M" : $"{dollars / 1000.0:0.#}K";

    public static string TechnologyName(string key) => key switch
    {
        "aws" => "Amazon AWS",
        "gcp" => "Google Cloud",
        "azure" => "Microsoft Azure",
        "google_apps" => "Google Workspace",
        "hubspot" => "HubSpot",
        "github" => "GitHub",
        _ => char.ToUpperInvariant(key[0]) + key[1..],
    };
}
