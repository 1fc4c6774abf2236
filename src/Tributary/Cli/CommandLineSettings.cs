namespace Tributary.Host.Cli;

/// <summary>
/// Configuration given on the command line, as ASP.NET apps take it: <c>--Providers:Clearbit:TimeoutMs=300</c> or
/// <c>--Providers:Clearbit:TimeoutMs 300</c>. A setting is told apart from a verb's options by the <c>:</c> in its
/// name, so it is taken out before the verb is parsed (it could otherwise be read as the verb's argument, e.g.
/// <c>enrich</c>'s FILE); anything else, typos like <c>--frobnicate</c> included, is left to the parser, which
/// refuses what it does not know.
/// </summary>
internal sealed record CommandLineSettings(string[] VerbArguments, string[] Settings)
{
    /// <summary>Splits <paramref name="args"/>; <paramref name="problem"/> names a setting given without a value.</summary>
    public static bool TrySplit(string[] args, out CommandLineSettings split, out string? problem)
    {
        var verb = new List<string>(args.Length);
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                // Everything after "--" is for the verb, as the parser's own convention has it.
                verb.AddRange(args[i..]);
                break;
            }

            if (!IsSetting(arg))
            {
                verb.Add(arg);
                continue;
            }

            if (arg.Contains('=', StringComparison.Ordinal))
            {
                settings.Add(arg);
                continue;
            }

            if (i + 1 == args.Length)
            {
                split = new CommandLineSettings([], []);
                problem = $"{arg} needs a value: {arg}=VALUE or {arg} VALUE.";
                return false;
            }

            settings.Add(arg);
            settings.Add(args[++i]);
        }

        split = new CommandLineSettings([.. verb], [.. settings]);
        problem = null;
        return true;
    }

    /// <summary>A <c>--Section:Key</c> name: a configuration path, which no verb option has.</summary>
    private static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var name = arg.AsSpan(2);
        var equals = name.IndexOf('=');
        if (equals >= 0)
        {
            name = name[..equals];
        }

        var colon = name.IndexOf(':');
        return colon > 0 && colon < name.Length - 1;
    }
}
