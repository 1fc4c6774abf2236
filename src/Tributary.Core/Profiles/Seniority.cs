namespace Tributary.Profiles;

/// <summary>
/// One seniority vocabulary across providers: <c>c_suite</c>, <c>vp</c>, <c>director</c>, <c>manager</c>,
/// <c>senior</c>, <c>entry</c>. Each provider's documented levels map onto it whatever their case, spaces or hyphens;
/// a level nobody documents gives way to the title, and with no telling title the seniority stays empty. The title
/// also breaks ties where a provider's level is coarse (Clearbit's and Hunter's <c>executive</c> covers both chiefs
/// and vice presidents).
/// </summary>
public static class Seniority
{
    private const string CSuite = "c_suite";
    private const string Vp = "vp";
    private const string Director = "director";
    private const string Manager = "manager";
    private const string Senior = "senior";
    private const string Entry = "entry";

    // Marks a level that names the top of the company without saying which rung: the title decides.
    private const string Executive = "executive";

    // Most senior first: where a provider sends several levels, the first of these present wins.
    private static readonly string[] Ladder = [CSuite, Vp, Director, Manager, Senior, Entry];

    /// <summary>
    /// Provider levels by canonical key (lower case, words joined by <c>_</c>). Sources: Clearbit
    /// <c>employment.seniority</c>; ZoomInfo <c>managementLevel</c> and its lookup names; Apollo <c>seniority</c>;
    /// Hunter <c>seniority</c>; People Data Labs <c>job_title_levels</c>.
    /// </summary>
    private static readonly Dictionary<string, string> Levels = new(StringComparer.Ordinal)
    {
        ["executive"] = Executive, ["exec"] = Executive, ["executives"] = Executive,
        ["c_suite"] = CSuite, ["csuite"] = CSuite, ["c_level"] = CSuite, ["c_level_exec"] = CSuite, ["c_level_execs"] = CSuite,
        ["cxo"] = CSuite, ["chief"] = CSuite, ["owner"] = CSuite, ["founder"] = CSuite, ["co_founder"] = CSuite, ["partner"] = CSuite,
        ["vp"] = Vp, ["vp_level"] = Vp, ["vp_level_exec"] = Vp, ["vp_level_execs"] = Vp, ["vice_president"] = Vp, ["svp"] = Vp, ["evp"] = Vp,
        ["director"] = Director, ["directors"] = Director, ["director_level"] = Director, ["head"] = Director,
        ["manager"] = Manager, ["managers"] = Manager, ["manager_level"] = Manager,
        ["senior"] = Senior, ["senior_level"] = Senior,
        ["entry"] = Entry, ["entry_level"] = Entry, ["junior"] = Entry, ["intern"] = Entry, ["training"] = Entry,
        ["trainee"] = Entry, ["unpaid"] = Entry, ["non_manager"] = Entry, ["non_managers"] = Entry, ["staff"] = Entry,
    };

    /// <summary>The vocabulary value for one provider level, else what the title says, else null.</summary>
    /// <param name="level">The provider's level, in any case, with spaces, hyphens or underscores.</param>
    /// <param name="title">The job title, which ranks a bare "executive" and stands in for an unknown level.</param>
    public static string? Normalize(string? level, string? title = null) => FromLevel(level) switch
    {
        Executive => ExecutiveRank(title),
        null => FromTitle(title),
        var known => known,
    };

    /// <summary>
    /// The most senior of several levels (ZoomInfo's <c>managementLevel</c> and PDL's <c>job_title_levels</c> are
    /// lists), else what the title says, else null.
    /// </summary>
    public static string? MostSenior(IEnumerable<string?>? levels, string? title = null)
    {
        var found = levels?.Select(level => FromLevel(level) is null ? null : Normalize(level, title)).Where(s => s is not null).ToHashSet();
        return found is { Count: > 0 } ? Ladder.First(found.Contains) : FromTitle(title);
    }

    /// <summary>An executive is a chief unless the title says vice president or director.</summary>
    private static string ExecutiveRank(string? title) => FromTitle(title) switch
    {
        Vp => Vp,
        Director => Director,
        _ => CSuite,
    };

    private static string? FromLevel(string? level)
    {
        if (string.IsNullOrWhiteSpace(level))
        {
            return null;
        }

        // "C-Level", "c level", "VP Level Execs", "Non-Manager" → c_level, vp_level_execs, non_manager.
        var words = level.ToLowerInvariant().Split([' ', '-', '_', '.', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return Levels.GetValueOrDefault(string.Join('_', words));
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
            return CSuite;
        }

        if (t.Contains("vice president", StringComparison.Ordinal) || t.StartsWith("vp", StringComparison.Ordinal)
            || t.Contains(" vp", StringComparison.Ordinal) || t.Contains("svp", StringComparison.Ordinal))
        {
            return Vp;
        }

        if (t.Contains("director", StringComparison.Ordinal) || t.StartsWith("head of", StringComparison.Ordinal))
        {
            return Director;
        }

        return t.Contains("manager", StringComparison.Ordinal) ? Manager : null;
    }
}
