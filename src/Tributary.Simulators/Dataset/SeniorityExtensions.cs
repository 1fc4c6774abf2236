namespace Tributary.Simulators.Dataset;

internal static class SeniorityExtensions
{
    /// <summary>The neutral key (also Apollo's spelling): c_suite, vp, director, manager, senior, entry.</summary>
    public static string Key(this Seniority seniority) => seniority switch
    {
        Seniority.CSuite => "c_suite",
        Seniority.Vp => "vp",
        Seniority.Director => "director",
        Seniority.Manager => "manager",
        Seniority.Senior => "senior",
        _ => "entry",
    };

    public static bool IsManagerOrAbove(this Seniority seniority) => seniority <= Seniority.Manager;
}
