namespace Tributary.Profiles;

/// <summary>
/// One department vocabulary across providers (<c>engineering</c>, <c>sales</c>, <c>hr</c>, <c>it</c>, <c>executive</c> …):
/// ZoomInfo says "Engineering &amp; Technical", Clearbit <c>engineering</c>, Apollo <c>master_engineering_technical</c>.
/// </summary>
public static class Departments
{
    public static string? Normalize(string? department)
    {
        if (string.IsNullOrWhiteSpace(department))
        {
            return null;
        }

        var text = department.Trim().ToLowerInvariant().Replace('_', ' ').Replace('-', ' ');
        if (text.StartsWith("master ", StringComparison.Ordinal))
        {
            text = text[7..];
        }

        var first = text.Split(['&', '/', ','], 2)[0].Replace(" and ", " ", StringComparison.Ordinal).Trim();
        return first switch
        {
            "human resources" or "people" or "talent" => "hr",
            "information technology" or "information" => "it",
            "c suite" or "c level" or "executive" or "executives" or "leadership" => "executive",
            "research" or "technical" or "software" => "engineering",
            "accounting" => "finance",
            "customer service" or "customer success" or "support" => "support",
            "legal" or "compliance" => "legal",
            _ => first.Split(' ')[0],
        };
    }
}
