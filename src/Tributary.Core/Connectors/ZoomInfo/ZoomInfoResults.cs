using System.Text.Json;
using Tributary.Json;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>
/// Pairs each input of an enrich call with its result by the input ZoomInfo echoes back (legacy
/// <c>data.result[].input</c>, keys lower-cased; GTM <c>data[].meta.input</c>), never by position: results may come
/// back in another order, or not at all. Keys compare without case, values without case or surrounding spaces, phone
/// numbers by their digits. A call with one input and one result needs no echo: the result can only be that input's
/// (ZoomInfo may echo a normalised input, such as a company id for the company name sent).
/// </summary>
internal static class ZoomInfoResults
{
    /// <param name="root">The response body.</param>
    /// <param name="inputs">What the request sent, in order.</param>
    /// <returns>One answer per input, in input order.</returns>
    public static ZoomInfoAnswer[] Match(JsonElement root, IReadOnlyList<IReadOnlyDictionary<string, string>> inputs)
    {
        var answers = new ZoomInfoAnswer[inputs.Count];
        var results = Results(root).ToList();
        if (inputs.Count == 1 && results.Count == 1)
        {
            answers[0] = new ZoomInfoAnswer(true, results[0].Record?.Clone());
            return answers;
        }

        var everyResultPaired = true;
        foreach (var (echo, record) in results)
        {
            // The same person asked twice gets the one answer.
            var paired = false;
            for (var i = 0; i < inputs.Count; i++)
            {
                if (!answers[i].Answered && Echoes(echo, inputs[i]))
                {
                    answers[i] = new ZoomInfoAnswer(true, record?.Clone());
                    paired = true;
                }
            }

            everyResultPaired &= paired;
        }

        // An answer that left some inputs out, with nothing in it unaccounted for, found nothing for them; a result
        // that fits no input leaves them unanswered, as it may be theirs under an echo we do not recognise. An answer
        // that names its own misses (GTM's NoMatch items, a legacy matchStatus or empty data) did not find nothing
        // for the inputs it left out: it did not answer them, and they are asked again rather than stored as misses.
        if (everyResultPaired && HasData(root) && (results.Count == 0 || !NamesItsMisses(root)))
        {
            for (var i = 0; i < answers.Length; i++)
            {
                answers[i] = answers[i].Answered ? answers[i] : new ZoomInfoAnswer(true, null);
            }
        }

        return answers;
    }

    private static bool NamesItsMisses(JsonElement root)
    {
        var data = root.GetProperty("data");
        if (data.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        return data.TryGetProperty("result", out var results) && results.ValueKind == JsonValueKind.Array
            && results.EnumerateArray().Any(r => r.ValueKind == JsonValueKind.Object
                && (r.Member("matchStatus") is not null || r.Member("data") is { ValueKind: JsonValueKind.Array } records && records.GetArrayLength() == 0));
    }

    private static bool HasData(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind is JsonValueKind.Object or JsonValueKind.Array;

    /// <summary>Every result as (echoed input, first matched record or null for NO_MATCH), in either generation.</summary>
    private static IEnumerable<(JsonElement? Echo, JsonElement? Record)> Results(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data))
        {
            return [];
        }

        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("result", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            return results.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).Select(r => (r.Member("input"), LegacyRecord(r)));
        }

        return data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object)
                .Select(r => (r.Member("meta") is { } meta ? meta.Member("input") : null, GtmRecord(r)))
            : [];
    }

    /// <summary>Whether a result echoes this input: every key sent comes back with the same value.</summary>
    private static bool Echoes(JsonElement? echo, IReadOnlyDictionary<string, string> input)
    {
        if (echo is not { ValueKind: JsonValueKind.Object } echoed)
        {
            return false;
        }

        foreach (var (key, value) in input)
        {
            if (echoed.Member(key) is not { } echoedValue || !SameValue(key, value, echoedValue))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameValue(string key, string sent, JsonElement echoed)
    {
        var text = echoed.ValueKind switch
        {
            JsonValueKind.String => echoed.GetString(),
            JsonValueKind.Number => echoed.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            return false;
        }

        if (key.Contains("phone", StringComparison.OrdinalIgnoreCase))
        {
            // "+14152220123" may come back as "(415) 222-0123": the longer number ends with the shorter.
            var (a, b) = (Digits(sent), Digits(text));
            return a.Length >= 7 && b.Length >= 7 && (a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal));
        }

        if (key.Contains("website", StringComparison.OrdinalIgnoreCase))
        {
            // "acme.com" may come back as "www.acme.com" or "https://acme.com/".
            return ProviderValues.Domain(sent) is { } domain && domain == ProviderValues.Domain(text);
        }

        return string.Equals(sent.Trim(), text.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    private static JsonElement? LegacyRecord(JsonElement result) =>
        !IsNoMatch(result) && result.Member("data") is { ValueKind: JsonValueKind.Array } records && records.GetArrayLength() > 0
            && records[0].ValueKind == JsonValueKind.Object
            ? records[0]
            : null;

    private static JsonElement? GtmRecord(JsonElement item)
    {
        var noMatch = (item.Member("type") is { ValueKind: JsonValueKind.String } type && type.GetString() == "NoMatch")
            || (item.Member("meta") is { } meta && IsNoMatch(meta));
        return !noMatch && item.Member("attributes") is { ValueKind: JsonValueKind.Object } attributes ? attributes : null;
    }

    private static bool IsNoMatch(JsonElement element) =>
        element.Member("matchStatus") is { ValueKind: JsonValueKind.String } status && status.GetString() is "NO_MATCH" or "OPT_OUT";
}

/// <summary>One input's answer: whether ZoomInfo answered it at all, and the matched record (null for no match).</summary>
internal readonly record struct ZoomInfoAnswer(bool Answered, JsonElement? Record);
