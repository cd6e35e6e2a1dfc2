using System.Text;

namespace Boilerplate.Attack;

/// <summary>
/// Just enough HPACK (RFC 7541) to read a server's header blocks when the client has set the dynamic table to 0:
/// static-table references and literals. Huffman-coded strings are not decoded (Kestrel sends none) and read as "?".
/// </summary>
internal static class Hpack
{
    private static readonly (string Name, string Value)[] Static =
    [
        (":authority", ""), (":method", "GET"), (":method", "POST"), (":path", "/"), (":path", "/index.html"), (":scheme", "http"),
        (":scheme", "https"), (":status", "200"), (":status", "204"), (":status", "206"), (":status", "304"), (":status", "400"),
        (":status", "404"), (":status", "500"), ("accept-charset", ""), ("accept-encoding", "gzip, deflate"), ("accept-language", ""),
        ("accept-ranges", ""), ("accept", ""), ("access-control-allow-origin", ""), ("age", ""), ("allow", ""), ("authorization", ""),
        ("cache-control", ""), ("content-disposition", ""), ("content-encoding", ""), ("content-language", ""), ("content-length", ""),
        ("content-location", ""), ("content-range", ""), ("content-type", ""), ("cookie", ""), ("date", ""), ("etag", ""), ("expect", ""),
        ("expires", ""), ("from", ""), ("host", ""), ("if-match", ""), ("if-modified-since", ""), ("if-none-match", ""), ("if-range", ""),
        ("if-unmodified-since", ""), ("last-modified", ""), ("link", ""), ("location", ""), ("max-forwards", ""), ("proxy-authenticate", ""),
        ("proxy-authorization", ""), ("range", ""), ("referer", ""), ("refresh", ""), ("retry-after", ""), ("server", ""), ("set-cookie", ""),
        ("strict-transport-security", ""), ("transfer-encoding", ""), ("user-agent", ""), ("vary", ""), ("via", ""), ("www-authenticate", ""),
    ];

    public static List<(string Name, string Value)> Decode(byte[] block)
    {
        var fields = new List<(string, string)>();
        var position = 0;
        while (position < block.Length)
        {
            var first = block[position];
            if ((first & 0x80) != 0)
            {
                fields.Add(Entry(ReadInteger(block, ref position, 7)));
            }
            else if ((first & 0xC0) == 0x40)
            {
                fields.Add(Literal(block, ref position, 6));
            }
            else if ((first & 0xE0) == 0x20)
            {
                ReadInteger(block, ref position, 5);
            }
            else
            {
                fields.Add(Literal(block, ref position, 4));
            }
        }

        return fields;
    }

    public static void WriteInteger(Stream output, byte prefix, int bits, int value)
    {
        var max = (1 << bits) - 1;
        if (value < max)
        {
            output.WriteByte((byte)(prefix | value));
            return;
        }

        output.WriteByte((byte)(prefix | max));
        value -= max;
        while (value >= 128)
        {
            output.WriteByte((byte)((value % 128) + 128));
            value /= 128;
        }

        output.WriteByte((byte)value);
    }

    private static (string, string) Literal(byte[] block, ref int position, int bits)
    {
        var index = ReadInteger(block, ref position, bits);
        var name = index == 0 ? ReadString(block, ref position) : Entry(index).Name;
        return (name, ReadString(block, ref position));
    }

    private static (string Name, string Value) Entry(int index) =>
        index >= 1 && index <= Static.Length ? Static[index - 1] : ($"<dynamic {index}>", "");

    private static int ReadInteger(byte[] block, ref int position, int bits)
    {
        var max = (1 << bits) - 1;
        var value = block[position++] & max;
        if (value < max)
        {
            return value;
        }

        var shift = 0;
        byte next;
        do
        {
            next = block[position++];
            value += (next & 0x7F) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);
        return value;
    }

    private static string ReadString(byte[] block, ref int position)
    {
        var huffman = (block[position] & 0x80) != 0;
        var length = ReadInteger(block, ref position, 7);
        var text = huffman ? "?" : Encoding.Latin1.GetString(block, position, length);
        position += length;
        return text;
    }
}
