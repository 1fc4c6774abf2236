namespace Tributary.Host.Cli;

/// <summary>The CLI's exit codes, as the product contract defines them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RuntimeFailure = 1;
    public const int BadArguments = 2;
}
