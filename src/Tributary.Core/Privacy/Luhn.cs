namespace Tributary.Privacy;

/// <summary>The Luhn (mod 10) check every card number passes; separators between digits are skipped.</summary>
internal static class Luhn
{
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        var sum = 0;
        var doubled = false;
        var digits = 0;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            var c = number[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var d = c - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
            digits++;
        }

        return digits > 0 && sum % 10 == 0;
    }
}
