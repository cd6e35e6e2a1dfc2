using System.Text;

namespace Boilerplate.Cli.Clean;

/// <summary>How a .txt page file becomes text: UTF-8, a byte-order mark honoured, bad bytes replaced, never an error.</summary>
internal static class PageText
{
    public static string Decode(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
