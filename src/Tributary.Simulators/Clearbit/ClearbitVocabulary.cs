using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.Clearbit;

/// <summary>Clearbit's words for the dataset's departments, seniorities and company sizes.</summary>
internal static class ClearbitVocabulary
{
    public static string Role(DepartmentProfile department) => department.Key switch
    {
        "hr" => "human_resources",
        "it" => "information_technology",
        var key => key,
    };

    public static string SubRole(DepartmentProfile department, Seniority seniority)
    {
        var lead = seniority.IsManagerOrAbove();
        return department.Key switch
        {
            "engineering" => lead ? "engineering_manager" : "software_engineer",
            "sales" => lead ? "sales_manager" : "account_executive",
            "marketing" => lead ? "marketing_manager" : "marketing_specialist",
            "finance" => lead ? "finance_manager" : "accounting",
            "operations" => lead ? "operations_manager" : "logistics",
            "hr" => lead ? "hr_manager" : "recruiting",
            "it" => lead ? "it_manager" : "it_support",
            _ => lead ? "legal_manager" : "legal_counsel",
        };
    }

    /// <summary>Clearbit only grades leaders: executive, director, manager; everyone else is null.</summary>
    public static string? Seniority(Dataset.Seniority seniority) => seniority switch
    {
        Dataset.Seniority.CSuite or Dataset.Seniority.Vp => "executive",
        Dataset.Seniority.Director => "director",
        Dataset.Seniority.Manager => "manager",
        _ => null,
    };

    public static string EmployeesRange(int employees) => employees switch
    {
        <= 10 => "1-10",
        <= 50 => "11-50",
        <= 250 => "51-250",
        <= 1000 => "251-1K",
        <= 5000 => "1K-5K",
        <= 10000 => "5K-10K",
        <= 50000 => "10K-50K",
        _ => "50K+",
    };

    public static string TechCategory(string tech)
    {
        foreach (var (key, category) in WordLists.Technologies)
        {
            if (key == tech)
            {
                return category;
            }
        }

        return "other";
    }
}
