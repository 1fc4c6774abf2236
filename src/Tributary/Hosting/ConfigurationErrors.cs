using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Tributary.Identifiers;

namespace Tributary.Host.Hosting;

/// <summary>
/// Tells bad configuration (exit code 2) from other failures, and words it as the contract promises: each problem
/// names the setting by its whole key, <c>Enrichment:TimeoutMs: The field TimeoutMs must be between 10 and 60000.</c>
/// </summary>
internal static partial class ConfigurationErrors
{
    /// <summary>
    /// The problems <paramref name="exception"/> reports, one line each, when it is bad configuration (several at
    /// once when more than one options class failed at start); null when it is some other failure.
    /// </summary>
    public static IReadOnlyList<string>? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AggregateException aggregate)
        {
            var inner = aggregate.Flatten().InnerExceptions.Select(Describe).ToList();
            return inner.Count > 0 && inner.All(problems => problems is not null)
                ? inner.SelectMany(problems => problems!).Distinct(StringComparer.Ordinal).ToList()
                : null;
        }

        return exception switch
        {
            OptionsValidationException options => options.Failures.Select(f => NameTheKey(options.OptionsType, f)).Distinct(StringComparer.Ordinal).ToList(),
            ConfigurationException or InvalidIdentifierException => [exception.Message],
            InvalidDataException { InnerException: FormatException format } => [Unparsable(exception, format)],
            _ when IsUnconvertibleSetting(exception) => [exception.Message],
            _ => null,
        };
    }

    /// <summary>
    /// A data-annotations failure names the options class and a member (<c>DataAnnotation validation failed for
    /// 'EnrichmentOptions' members: 'TimeoutMs' with the error: '…'.</c>); the person at the terminal knows the setting
    /// as <c>Enrichment:TimeoutMs</c>: the class's <c>SectionName</c>, then the member path. Failures of our own
    /// validators name the key already and are kept as they are, as is anything not in that form.
    /// </summary>
    private static string NameTheKey(Type optionsType, string failure)
    {
        if (DataAnnotationFailure().Match(failure) is not { Success: true } match || SectionOf(optionsType) is not { } section)
        {
            return failure;
        }

        // A nested class validated through [ValidateObjectMembers] shows as 'PipelineOptions.WriteBack' or 'X.Items[2]'.
        var path = match.Groups["path"].Value.Split('.').Skip(1).Select(p => p.Replace("[", ":", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal));
        var prefix = string.Join(':', [section, .. path]);
        var members = match.Groups["members"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var keys = members.Length == 0 ? prefix : string.Join(", ", members.Select(m => $"{prefix}:{m}"));
        var message = match.Groups["message"].Value;

        // A rule that names its key itself (Alerts:WebhookUrl must be …) is not given it twice.
        return message.StartsWith(keys, StringComparison.Ordinal) ? message : $"{keys}: {message}";
    }

    /// <summary>
    /// The section an options class binds from, as its <c>SectionName</c> constant says (every options class has one);
    /// null for a class without it.
    /// </summary>
    private static string? SectionOf(Type optionsType) =>
        optionsType.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
            ? field.GetRawConstantValue() as string
            : null;

    /// <summary>
    /// A settings file that does not parse (<c>appsettings.json</c> missing a brace): the configuration loader's message
    /// names the file, the JSON reader says where it broke. The reader's own words are left out: they may quote what it
    /// read, and values there may be secrets. Other parse failures (a duplicate key, a top level that is no object) name
    /// keys and JSON kinds only.
    /// </summary>
    private static string Unparsable(Exception file, FormatException format)
    {
        var where = format.InnerException is JsonException { LineNumber: { } line, BytePositionInLine: { } position }
            ? $"not valid JSON at line {line + 1}, position {position + 1}."
            : format.Message;
        return $"{file.Message.TrimEnd('.')}: {where}";
    }

    /// <summary>
    /// A setting whose value does not convert to its type (<c>Enrichment:TimeoutMs=abc</c>): the configuration binder
    /// reports it as a plain <see cref="InvalidOperationException"/> whose message names the setting.
    /// </summary>
    private static bool IsUnconvertibleSetting(Exception ex) =>
        ex is InvalidOperationException && ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);

    [GeneratedRegex(@"^DataAnnotation validation failed for '(?<path>[^']*)' members: '(?<members>[^']*)' with the error: '(?<message>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
