using System.Text;

namespace Tributary.Connectors.Http;

/// <summary>
/// Which identifier values a <see cref="PathTemplate"/> refuses to send. Everything else is percent-encoded, which
/// keeps a value inside its segment for a server that decodes once; the refusals cover what encoding cannot: dot
/// segments (<c>%2E%2E</c> is <c>..</c> to RFC 3986, and .NET and most servers remove it), slashes in a path
/// segment (proxies such as nginx decode <c>%2F</c> before routing), control characters, and values that turn
/// into any of these when a server decodes them a second time.
/// </summary>
internal static class TemplateValue
{
    /// <summary>Percent-decoding passes checked: the value as given, and as once and twice decoded.</summary>
    private const int DecodingPasses = 3;

    /// <summary>Why <paramref name="value"/> cannot be sent (a phrase without the value), or null when it can.</summary>
    public static string? Refusal(string value, bool inQuery)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is empty";
        }

        if (!IsWellFormed(value))
        {
            return "is not well-formed text";
        }

        var form = value;
        for (var pass = 0; pass < DecodingPasses; pass++)
        {
            if (form.Any(char.IsControl))
            {
                return "contains control characters";
            }

            if (!inQuery && form is "." or "..")
            {
                return "is a relative path step ('.' or '..')";
            }

            if (!inQuery && form.AsSpan().IndexOfAny('/', '\\') >= 0)
            {
                return "contains a slash, which would split the path segment";
            }

            var decoded = Uri.UnescapeDataString(form);
            if (decoded == form)
            {
                break;
            }

            form = decoded;
        }

        return null;
    }

    /// <summary>False for lone surrogates, which have no UTF-8 encoding.</summary>
    private static bool IsWellFormed(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }
}
