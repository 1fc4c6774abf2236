using Spectre.Console;

namespace Tributary.Host.Cli;

/// <summary>A Spectre console over the verb's output. Redirected output gets a wide page instead of 80 columns.</summary>
internal static class CliConsole
{
    public static IAnsiConsole Create(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (Console.IsOutputRedirected || output != Console.Out)
        {
            console.Profile.Width = 200;
        }

        return console;
    }
}
