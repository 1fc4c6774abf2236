using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tributary.Host.Segment;

/// <summary>
/// The Tracking API's bodies, written exactly: one message as Segment's spec names its fields (nulls omitted), and a
/// batch as <c>{"batch":[…]}</c> around messages already serialized, so each is measured once and sent as measured.
/// </summary>
internal static class SegmentWire
{
    /// <summary>Segment's limit per message: 32 KB.</summary>
    public const int MaxMessageBytes = 32 * 1024;

    /// <summary>Segment's limit per batch request: 500 KB.</summary>
    public const int MaxBatchBytes = 500 * 1024;

    /// <summary>
    /// What a batch body is kept under: (500 − 32) KB, the margin Segment's own libraries came to after batches that
    /// crossed 500 KB by their last message were refused with an opaque 400.
    /// </summary>
    public const int BatchBudgetBytes = MaxBatchBytes - MaxMessageBytes;

    /// <summary>Above this many events Segment answers 200 and drops them all.</summary>
    public const int MaxBatchMessages = 2_500;

    private static readonly byte[] BatchOpen = "{\"batch\":["u8.ToArray();
    private static readonly byte[] BatchClose = "]}"u8.ToArray();
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string LibraryVersion = typeof(SegmentWire).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <summary>One message as UTF-8 JSON; <paramref name="now"/> stamps a message without a timestamp.</summary>
    public static byte[] Message(SegmentTrack track, DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "track");
            writer.WriteString("messageId", track.MessageId);
            if (track.UserId is not null)
            {
                writer.WriteString("userId", track.UserId);
            }

            if (track.AnonymousId is not null)
            {
                writer.WriteString("anonymousId", track.AnonymousId);
            }

            writer.WriteString("event", track.Event);
            writer.WritePropertyName("properties");
            if (track.Properties is { } properties)
            {
                properties.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }

            writer.WritePropertyName("context");
            if (track.Context is { } context)
            {
                context.WriteTo(writer);
            }
            else
            {
                WriteLibraryContext(writer);
            }

            writer.WriteString("timestamp", Timestamp(track.Timestamp ?? now));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The size of the batch body holding these messages.</summary>
    public static int BatchSize(int messagesBytes, int count) => BatchOpen.Length + messagesBytes + Math.Max(0, count - 1) + BatchClose.Length;

    /// <summary>
    /// Splits messages (each at most <see cref="MaxMessageBytes"/>) into consecutive runs whose batch bodies stay within
    /// <see cref="BatchBudgetBytes"/> and <see cref="MaxBatchMessages"/>; returns the index ranges.
    /// </summary>
    public static IReadOnlyList<Range> Chunks(IReadOnlyList<byte[]> messages)
    {
        var chunks = new List<Range>();
        var start = 0;
        var bytes = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var count = i - start;
            if (count > 0 && (count == MaxBatchMessages || BatchSize(bytes + messages[i].Length, count + 1) > BatchBudgetBytes))
            {
                chunks.Add(start..i);
                start = i;
                bytes = 0;
            }

            bytes += messages[i].Length;
        }

        if (start < messages.Count)
        {
            chunks.Add(start..messages.Count);
        }

        return chunks;
    }

    /// <summary><c>{"batch":[m1,m2,…]}</c> from serialized messages.</summary>
    public static byte[] Batch(IEnumerable<byte[]> messages)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(BatchOpen);
        var first = true;
        foreach (var message in messages)
        {
            if (!first)
            {
                buffer.Write(","u8);
            }

            buffer.Write(message);
            first = false;
        }

        buffer.Write(BatchClose);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>ISO-8601 in UTC with milliseconds, as Segment's own libraries send it.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteLibraryContext(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("library");
        writer.WriteString("name", "tributary");
        writer.WriteString("version", LibraryVersion);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
