namespace Tributary.Profiles;

/// <summary>
/// One seniority vocabulary across providers: <c>c_suite</c>, <c>vp</c>, <c>director</c>, <c>manager</c>,
/// <c>senior</c>, <c>entry</c>; anything else is kept lower-cased. The title breaks ties where a provider's level is coarse
/// (Clearbit's <c>executive</c> covers both chiefs and vice presidents).
/// </summary>
public static class Seniority
{
    public static string? Normalize(string? level, string? title = null)
    {
        var fromTitle = FromTitle(title);
        if (string.IsNullOrWhiteSpace(level))
        {
            return fromTitle;
        }

        var normalized = level.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        return normalized switch
        {
            "c_level" or "c_suite" or "csuite" or "cxo" or "owner" or "founder" or "partner" => "c_suite",
            "executive" or "exec" => fromTitle ?? "c_suite",
            "vp" or "vp_level" or "vice_president" => "vp",
            "director" or "director_level" or "head" => "director",
            "manager" or "manager_level" => "manager",
            "senior" => "senior",
            "entry" or "junior" or "intern" or "training" or "non_manager" or "staff" => "entry",
            _ => normalized,
        };
    }

    private static string? FromTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var t = title.ToLowerInvariant();
        if (t.Contains("chief", StringComparison.Ordinal) || t.StartsWith("ceo", StringComparison.Ordinal)
            || t.StartsWith("cto", StringComparison.Ordinal) || t.StartsWith("cfo", StringComparison.Ordinal)
            || t.Contains("founder", StringComparison.Ordinal))
        {
            return "c_suite";
        }

        if (t.Contains("vice president", StringComparison.Ordinal) || t.StartsWith("vp", StringComparison.Ordinal)
            || t.Contains(" vp", StringComparison.Ordinal) || t.Contains("svp", StringComparison.Ordinal))
        {
            return "vp";
        }

        if (t.Contains("director", StringComparison.Ordinal) || t.StartsWith("head of", StringComparison.Ordinal))
        {
            return "director";
        }

        return t.Contains("manager", StringComparison.Ordinal) ? "manager" : null;
    }
}
