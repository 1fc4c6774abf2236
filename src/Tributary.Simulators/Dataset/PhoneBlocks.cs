namespace Tributary.Simulators.Dataset;

/// <summary>
/// The three digits between a city's prefix and the four-digit line. Kept to 200–989 so a North
/// American exchange never starts with 0 or 1, and never N11, 555 (fictional), 950/958/959/976
/// (special use) or 222, which is reserved for Jane Doe's number; 623 and 940–949 are skipped
/// because libphonenumber does not accept them after Singapore's 6.
/// </summary>
internal static class PhoneBlocks
{
    public static int Next(DeterministicRandom random)
    {
        while (true)
        {
            var block = random.Next(200, 989);
            if (block % 100 != 11 && block is not (555 or 222 or 623 or (>= 940 and <= 950) or 958 or 959 or 976))
            {
                return block;
            }
        }
    }

    /// <summary>Prefix + block + line; the line is the record's own number so phones never collide.</summary>
    public static string Compose(SampleLocation location, int block, int line) =>
        $"{location.PhonePrefix}{block:D3}{line:D4}";
}
