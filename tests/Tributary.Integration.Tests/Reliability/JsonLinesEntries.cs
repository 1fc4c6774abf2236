using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using static Tributary.IntegrationTests.Reliability.RowExpectation;
using EntryGen = CsCheck.Gen<System.Func<string, Tributary.IntegrationTests.Reliability.CorpusEntry>>;

namespace Tributary.IntegrationTests.Reliability;

/// <summary>
/// Generated lines of a JSON-lines file: good objects (<c>ref</c>, <c>email</c>, <c>name</c>, <c>company</c>, keys in
/// any order, compact or spaced, non-ASCII raw or escaped), and hostile lines: wrong types, duplicate and odd keys,
/// hostile strings, deep nesting, truncated JSON, lines that are not objects, raw control characters and bytes that are
/// not UTF-8, escapes of lone surrogates, huge values, blank lines.
/// </summary>
internal static class JsonLinesEntries
{
    private const int MaxLineChars = 1024 * 1024;

    private static readonly JsonSerializerOptions RawUnicode = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static EntryGen Good(Gen<string> email) =>
        Gen.Select(email, Gen.OneOf(HostileValues.Names), Style, (e, n, style) => Make(r =>
            Text("good", Enriched, Object(style, ("ref", Str(r, style)), ("email", Str(e, style)), ("name", Str(n, style)), ("company", Str("Acme Inc", style))), r, n)));

    public static EntryGen Any(Gen<string> email)
    {
        var name = Gen.OneOf(HostileValues.Names);
        var hostile = Gen.OneOf(Gen.OneOf(HostileValues.Readable), Gen.OneOf(HostileValues.Control));
        return Gen.Frequency<Func<string, CorpusEntry>>(
            (30, Good(email)),
            (8, Gen.Select(email, hostile, Style, (e, h, s) => Make(r =>
                Text("hostile name", Either, Object(s, ("ref", Str(r, s)), ("email", Str(e, s)), ("name", Str(h, s))), r, h)))),
            (4, Gen.Select(hostile, name, Style, (h, n, s) => Make(r =>
                Text("hostile email", Either, Object(s, ("ref", Str(r, s)), ("email", Str(h, s)), ("name", Str(n, s)), ("company", "\"Acme\"")), r, n)))),
            (6, Gen.Select(email, Gen.OneOf("email", "name", "company", "phone"), Gen.OneOf(HostileValues.WrongTypes), Style, (e, field, value, s) => Make(r =>
            {
                var pairs = new List<(string, string)> { ("ref", Str(r, s)), ("email", field == "email" ? value : Str(e, s)), ("name", field == "name" ? value : "\"Ng\"") };
                pairs.Add(field == "company" ? ("company", value) : ("company", "\"Acme\""));
                if (field == "phone")
                {
                    pairs.Add(("phone", value));
                }

                return Text("wrong type", Either, Object(s, [.. pairs]), r, field != "name" ? "Ng" : value == "null" ? string.Empty : value);
            }))),
            (4, Gen.Select(email, email, name, name, (e1, e2, n1, n2) => Make(r =>
                Text("duplicate keys", Either, $"{{\"ref\":\"{r}\",\"email\":\"{e1}\",\"name\":{Str(n1, default)},\"email\":\"{e2}\",\"name\":{Str(n2, default)}}}", r, null)))),
            (3, Gen.Select(email, Gen.OneOf(HostileValues.Keys), Gen.OneOf(HostileValues.WrongTypes), (e, key, value) => Make(r =>
                Text("odd key", Either, $"{{\"ref\":\"{r}\",{key}:{value},\"email\":\"{e}\",\"name\":\"Ng\"}}", r, "Ng")))),
            (4, Gen.Select(Good(email), Gen.Int[1, 10_000], (good, cut) => Make(r =>
            {
                var whole = good(r);
                var text = System.Text.Encoding.UTF8.GetString(whole.Bytes);
                return Text("truncated JSON", Rejected, text[..(1 + (cut % (text.Length - 1)))], r, null);
            }))),
            (3, Gen.OneOf(HostileValues.NotObjects).Select(line => Make(r => Text("not an object", Rejected, line, r, null)))),
            (3, Gen.Select(email, Gen.Int[70, 5_000], Gen.Bool, (e, depth, arrays) => Make(r =>
                Text("nesting too deep", Rejected, $"{{\"ref\":\"{r}\",\"email\":\"{e}\",\"deep\":{Nest(depth, arrays)}}}", r, null)))),
            (2, Gen.Select(email, Gen.Int[1, 40], Gen.Bool, (e, depth, arrays) => Make(r =>
                Text("nesting", Either, $"{{\"ref\":\"{r}\",\"email\":\"{e}\",\"name\":\"Ng\",\"deep\":{Nest(depth, arrays)}}}", r, "Ng")))),
            (3, Gen.Select(email, Gen.OneOf(HostileValues.Control), (e, c) => Make(r =>
                Text("raw control characters", Rejected, $"{{\"ref\":\"{r}\",\"email\":\"{e}\",\"name\":\"Jo{c}hn\"}}", r, null)))),
            (4, Gen.Select(email, Gen.OneOf(HostileValues.NotUtf8), Gen.Byte[0x80, 0xFF].Array[0, 12], (e, bad, noise) => Make(r =>
                CorpusEntry.WithBytes("invalid UTF-8", $"{{\"ref\":\"{r}\",\"email\":\"{e}\",\"name\":\"Jo{CorpusEntry.RawMarker}hn\"}}", [.. bad, .. noise, 0xFE], r)))),
            (3, Gen.Select(email, Gen.Int[4097, 200_000], (e, n) => Make(r =>
                Text("huge field", Rejected, $"{{\"ref\":\"{r}\",\"email\":\"{e}\",\"name\":\"{new string('x', n)}\"}}", r, null)))),
            (1, email.Select(e => Make(r => Text("line over 1 MiB", Rejected, $"{{\"ref\":\"{r}\",\"email\":\"{e}\",\"name\":\"{new string('y', MaxLineChars)}\"}}", r, null)))),
            (3, Gen.OneOf(HostileValues.Names).Select(n => Make(r => Text("no identifier", Rejected, $"{{\"ref\":\"{r}\",\"name\":{Str(n, default)}}}", r, n)))),
            (2, Gen.OneOf(HostileValues.Garbage).Select(g => Make(r => Text("garbage line", Rejected, g, r, null)))),
            (3, Gen.Select(email, Gen.OneOf("\\ud800", "\\udc00", "x\\ud83d", "\\udfff\\ud800"), Gen.Bool, (e, escape, inKey) => Make(r =>
                Text("lone surrogate escape", Rejected, inKey
                    ? $"{{\"ref\":\"{r}\",\"email\":\"{e}\",\"{escape}\":1}}"
                    : $"{{\"ref\":\"{r}\",\"email\":\"{e}\",\"name\":\"Jo{escape}\"}}", r, null)))),
            (3, Gen.OneOf(string.Empty, "   ", "\t").Select(blank => Make(r => Text("blank line", null, blank, r, null)))));
    }

    /// <summary>How a line is written: spaced or compact, non-ASCII raw or escaped, and which key comes first.</summary>
    private static Gen<(bool Spaced, bool Raw, int Rotate)> Style { get; } = Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[0, 3]);

    private static string Object((bool Spaced, bool Raw, int Rotate) style, params (string Key, string Value)[] pairs)
    {
        var first = style.Rotate % pairs.Length;
        var ordered = pairs[first..].Concat(pairs[..first]);
        return style.Spaced
            ? "{ " + string.Join(" , ", ordered.Select(p => $"\"{p.Key}\" : {p.Value}")) + " }"
            : "{" + string.Join(",", ordered.Select(p => $"\"{p.Key}\":{p.Value}")) + "}";
    }

    private static string Str(string value, (bool Spaced, bool Raw, int Rotate) style) =>
        JsonSerializer.Serialize(value, style.Raw ? RawUnicode : JsonSerializerOptions.Default);

    private static string Nest(int depth, bool arrays) => arrays
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static CorpusEntry Text(string kind, RowExpectation? expectation, string text, string reference, string? name) =>
        CorpusEntry.Text(kind, expectation, text, reference, name);

    private static Func<string, CorpusEntry> Make(Func<string, CorpusEntry> make) => make;
}
