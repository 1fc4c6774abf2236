using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>ZoomInfo's words for seniority, job function and company bands.</summary>
internal static class ZoomInfoVocabulary
{
    public static string ManagementLevel(Seniority seniority) => seniority switch
    {
        Seniority.CSuite => "C-Level",
        Seniority.Vp => "VP-Level",
        Seniority.Director => "Director",
        Seniority.Manager => "Manager",
        _ => "Non-Manager",
    };

    public static (string Name, string Department) JobFunction(SamplePerson person) =>
        person.Seniority == Seniority.CSuite
            ? ("Executive", "C-Suite")
            : person.Department.Key switch
            {
                "engineering" => ("Engineering", "Engineering & Technical"),
                "it" => ("Information Technology", "Engineering & Technical"),
                "hr" => ("Human Resources", "HR"),
                _ => (person.Department.DisplayName, person.Department.DisplayName),
            };

    /// <summary>"$50M-$100M" → "$50 mil. - $100 mil.", the way ZoomInfo prints revenue bands.</summary>
    public static string RevenueRange(string range) => range switch
    {
        "$0-$1M" => "Under $1 mil.",
        "$500M-$1B" => "$500 mil. - $1 bil.",
        "$1B-$10B" => "$1 bil. - $10 bil.",
        _ => range.Replace("M", " mil.", StringComparison.Ordinal).Replace("-", " - ", StringComparison.Ordinal),
    };

    /// <summary>"$75 Million": ZoomInfo's printed revenue.</summary>
    public static string Revenue(long dollars) =>
        dollars >= 1_000_000_000 ? $"${dollars / 1_000_000_000.0:0.#} Billion" : $"${dollars / 1_000_000} Million";

    public static string EmployeeRange(int employees) => employees switch
    {
        <= 10 => "1 - 10",
        <= 50 => "10 - 50",
        <= 100 => "50 - 100",
        <= 250 => "100 - 250",
        <= 500 => "250 - 500",
        <= 1000 => "500 - 1,000",
        <= 5000 => "1,000 - 5,000",
        <= 10000 => "5,000 - 10,000",
        _ => "Over 10,000",
    };
}
