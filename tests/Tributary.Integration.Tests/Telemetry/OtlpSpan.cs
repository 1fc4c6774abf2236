using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Tributary.IntegrationTests.Telemetry;

/// <summary>
/// A span as it arrived over OTLP, decoded straight from the protobuf wire format (ExportTraceServiceRequest →
/// ResourceSpans → ScopeSpans → Span), so tests check what a collector would see, not what the SDK meant to send.
/// </summary>
internal sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes, int StatusCode)
{
    public static IEnumerable<OtlpSpan> Decode(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in Fields(resourceSpans.Bytes).Where(f => f.Number == 2))
            {
                foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                {
                    yield return Span(span.Bytes);
                }
            }
        }
    }

    private static OtlpSpan Span(byte[] span)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var status = 0;
        foreach (var field in Fields(span))
        {
            switch (field.Number)
            {
                case 1: traceId = Convert.ToHexStringLower(field.Bytes); break;
                case 2: spanId = Convert.ToHexStringLower(field.Bytes); break;
                case 4: parent = Convert.ToHexStringLower(field.Bytes); break;
                case 5: name = Encoding.UTF8.GetString(field.Bytes); break;
                case 9:
                    var (key, value) = Attribute(field.Bytes);
                    attributes[key] = value;
                    break;
                case 15:
                    status = (int)(Fields(field.Bytes).FirstOrDefault(f => f.Number == 3)?.Value ?? 0);
                    break;
            }
        }

        return new OtlpSpan(traceId, spanId, parent, name, attributes, status);
    }

    private static (string Key, string Value) Attribute(byte[] keyValue)
    {
        var key = "";
        var value = "";
        foreach (var field in Fields(keyValue))
        {
            if (field.Number == 1)
            {
                key = Encoding.UTF8.GetString(field.Bytes);
            }
            else if (field.Number == 2 && Fields(field.Bytes).FirstOrDefault() is { } any)
            {
                value = any.Number switch
                {
                    1 => Encoding.UTF8.GetString(any.Bytes),
                    2 => any.Value != 0 ? "true" : "false",
                    3 => ((long)any.Value).ToString(CultureInfo.InvariantCulture),
                    4 => BitConverter.Int64BitsToDouble((long)any.Value).ToString(CultureInfo.InvariantCulture),
                    _ => "(complex)",
                };
            }
        }

        return (key, value);
    }

    /// <summary>The fields of one protobuf message: number, and the bytes (length-delimited) or the value (numeric).</summary>
    private static List<Field> Fields(byte[] message)
    {
        var fields = new List<Field>();
        var position = 0;
        while (position < message.Length)
        {
            var tag = Varint(message, ref position);
            var number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    fields.Add(new Field(number, [], Varint(message, ref position)));
                    break;
                case 1:
                    fields.Add(new Field(number, [], BinaryPrimitives.ReadUInt64LittleEndian(message.AsSpan(position, 8))));
                    position += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref position);
                    fields.Add(new Field(number, message.AsSpan(position, length).ToArray(), 0));
                    position += length;
                    break;
                case 5:
                    fields.Add(new Field(number, [], BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(position, 4))));
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type in field {number}.");
            }
        }

        return fields;
    }

    private static ulong Varint(byte[] buffer, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private sealed record Field(int Number, byte[] Bytes, ulong Value);
}
