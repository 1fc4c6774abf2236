using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.Hunter;

/// <summary>Hunter grades seniority as junior/senior/executive and has its own department names.</summary>
internal static class HunterVocabulary
{
    public static string Seniority(Dataset.Seniority seniority) => seniority switch
    {
        Dataset.Seniority.CSuite or Dataset.Seniority.Vp => "executive",
        Dataset.Seniority.Entry => "junior",
        _ => "senior",
    };

    public static string Department(SamplePerson person) => person.Seniority == Dataset.Seniority.CSuite
        ? "executive"
        : person.Department.Key switch
        {
            "engineering" => "it",
            var key => key,
        };
}
