namespace Tributary.Simulators.Dataset;

/// <summary>The LinkedIn-style headcount bands PDL (<c>size</c>) and Hunter (<c>headcount</c>) print.</summary>
internal static class CompanySizes
{
    public static string Band(int employees) => employees switch
    {
        <= 10 => "1-10",
        <= 50 => "11-50",
        <= 200 => "51-200",
        <= 500 => "201-500",
        <= 1000 => "501-1000",
        <= 5000 => "1001-5000",
        <= 10000 => "5001-10000",
        _ => "10001+",
    };
}
