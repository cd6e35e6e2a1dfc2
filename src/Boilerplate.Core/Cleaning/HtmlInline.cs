using System.Text;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>Writes a block's text and spans as HTML: &lt;em&gt;, &lt;strong&gt;, &lt;code&gt;, &lt;a href&gt; and &lt;img&gt;, all escaped.</summary>
internal sealed class HtmlInline(StringBuilder output, Uri? baseUri) : IInlineSink
{
    public Uri? BaseUri { get; } = baseUri;

    public void Text(string text, int start, int end) => HtmlRenderer.AppendEscaped(output, text.AsSpan(start, end - start));

    public bool Open(string text, InlineSpan span, string? url)
    {
        switch (span.Kind)
        {
            case InlineKind.Link:
                output.Append("<a href=\"");
                HtmlRenderer.AppendEscaped(output, url);
                output.Append("\">");
                return true;
            case InlineKind.Emphasis:
                output.Append("<em>");
                return true;
            case InlineKind.Strong:
                output.Append("<strong>");
                return true;
            default:
                return false;
        }
    }

    public void Close(string text, InlineSpan span, string? url) => output.Append(span.Kind switch
    {
        InlineKind.Link => "</a>",
        InlineKind.Emphasis => "</em>",
        _ => "</strong>",
    });

    public void Code(string text, int start, int end)
    {
        output.Append("<code>");
        HtmlRenderer.AppendEscaped(output, text.AsSpan(start, end - start));
        output.Append("</code>");
    }

    public void Image(string text, int position, string source, string alt) => AppendImage(output, source, alt);

    /// <summary>&lt;img src alt&gt; with both escaped.</summary>
    public static void AppendImage(StringBuilder output, string source, string alt)
    {
        output.Append("<img src=\"");
        HtmlRenderer.AppendEscaped(output, source);
        output.Append("\" alt=\"");
        HtmlRenderer.AppendEscaped(output, alt);
        output.Append("\">");
    }
}
