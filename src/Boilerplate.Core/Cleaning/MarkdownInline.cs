using System.Text;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// Writes a block's text and spans as CommonMark inlines: *emphasis*, **strong**, `code`, [text](url) and
/// ![alt](src). Emphasis whose delimiters CommonMark would not read as such (punctuation inside against a letter
/// outside) is left plain rather than leaking stars into the text.
/// </summary>
internal sealed class MarkdownInline(Uri? baseUri) : IInlineSink
{
    public Uri? BaseUri { get; } = baseUri;

    private bool _afterImage;

    // Where the last emphasis delimiter was closed, and its kind: one opening right there would join the run.
    private int _closedAt = -1;
    private InlineKind _closedKind;
    private int _closedOpenAt;

    // Where each open emphasis delimiter was written, innermost on top.
    private readonly Stack<int> _emphasisOpens = new();

    // The last code span: where it opens, where its content lies and where it closes.
    private int _codeOpenAt;
    private int _codeContentAt;
    private int _codeContentLength;
    private int _codeClosedAt = -1;

    public StringBuilder Output { get; private set; } = new();

    /// <summary>Starts a block's text, written to <paramref name="output"/>.</summary>
    public void Begin(StringBuilder output)
    {
        Output = output;
        _afterImage = false;
        _closedAt = -1;
        _codeClosedAt = -1;
        _emphasisOpens.Clear();
    }

    public void Text(string text, int start, int end)
    {
        if (start >= end)
        {
            return;
        }

        SpaceAfterImage(text[start]);
        MarkdownRenderer.EscapeInto(Output, text, start, end);
    }

    public bool Open(string text, InlineSpan span, string? url)
    {
        SpaceAfterImage(text[span.Start]);
        switch (span.Kind)
        {
            case InlineKind.Link:
                // "!" of the text right before "[" would turn the link into an image.
                if (Output.Length > 0 && Output[^1] == '!' && (Output.Length < 2 || Output[^2] != '\\'))
                {
                    Output.Insert(Output.Length - 1, '\\');
                }

                Output.Append('[');
                return true;
            case InlineKind.Emphasis or InlineKind.Strong when Flanks(text, span.Start, span.End):
                if (Output.Length == _closedAt)
                {
                    // Delimiters back to back ("*I**n*" from <i>I</i><i>n</i>) read as one run: the same emphasis
                    // continues instead; another kind stays plain.
                    if (_closedKind != span.Kind)
                    {
                        return false;
                    }

                    Output.Length -= Delimiter(span.Kind).Length;
                    _emphasisOpens.Push(_closedOpenAt);
                    return true;
                }

                _emphasisOpens.Push(Output.Length);
                Output.Append(Delimiter(span.Kind));
                return true;
            default:
                return false;
        }
    }

    public void Close(string text, InlineSpan span, string? url)
    {
        if (span.Kind == InlineKind.Link)
        {
            Output.Append("](");
            AppendDestination(Output, url!);
            Output.Append(')');
            return;
        }

        var openAt = _emphasisOpens.Pop();
        var delimiter = Delimiter(span.Kind);
        // Judged on what was written, markup included: "**[link](url)**word" does not close, as ")" is punctuation.
        var inner = Output[openAt + delimiter.Length];
        var outer = openAt > 0 ? Output[openAt - 1] : ' ';
        var last = Output[^1];
        var next = span.End < text.Length ? text[span.End] : ' ';
        if ((IsPunctuation(inner) && char.IsLetterOrDigit(outer)) || (IsPunctuation(last) && char.IsLetterOrDigit(next)))
        {
            // Left as plain text; what was written after the opening moved, so nothing before it may be joined to.
            Output.Remove(openAt, delimiter.Length);
            _closedAt = -1;
            _codeClosedAt = -1;
            return;
        }

        Output.Append(delimiter);
        _closedAt = Output.Length;
        _closedKind = span.Kind;
        _closedOpenAt = openAt;
    }

    private static string Delimiter(InlineKind kind) => kind == InlineKind.Strong ? "**" : "*";

    public void Code(string text, int start, int end)
    {
        SpaceAfterImage(text[start]);
        var content = text.AsSpan(start, end - start);
        if (Output.Length == _codeClosedAt)
        {
            // Code right after code (<code>U+00DF</code><code>0x C3 9F</code>): back to back the fences would run
            // together, so the two become one span.
            content = string.Concat(Output.ToString(_codeContentAt, _codeContentLength), content);
            Output.Length = _codeOpenAt;
        }

        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = longest + 1;
        // A space pads content that starts or ends with a backtick; CommonMark strips one space from each side.
        var pad = content[0] == '`' || content[^1] == '`' || (content[0] == ' ' && content[^1] == ' ');
        _codeOpenAt = Output.Length;
        Output.Append('`', fence);
        if (pad)
        {
            Output.Append(' ');
        }

        _codeContentAt = Output.Length;
        _codeContentLength = content.Length;
        Output.Append(content);
        if (pad)
        {
            Output.Append(' ');
        }

        Output.Append('`', fence);
        _codeClosedAt = Output.Length;
    }

    public void Image(string text, int position, string source, string alt)
    {
        // The text's own spaces only: an image where the text has a space stands apart, one glued to a word stays glued,
        // and one leading the block is set apart from the first word.
        if (position < text.Length && text[position] == ' ' && Output.Length > 0 && Output[^1] != ' ')
        {
            Output.Append(' ');
        }

        AppendImage(Output, source, alt);
        _afterImage = position == 0;
    }

    /// <summary>![alt](src) with the alt escaped.</summary>
    public static void AppendImage(StringBuilder output, string source, string alt)
    {
        output.Append("![");
        MarkdownRenderer.EscapeInto(output, alt, 0, alt.Length);
        output.Append("](");
        AppendDestination(output, source);
        output.Append(')');
    }

    /// <summary>A word right after an image that leads the block is kept apart from it.</summary>
    private void SpaceAfterImage(char next)
    {
        if (_afterImage && char.IsLetterOrDigit(next))
        {
            Output.Append(' ');
        }

        _afterImage = false;
    }

    /// <summary>
    /// Whether "*" around [start, end) opens and closes emphasis by CommonMark's flanking rules: a delimiter between
    /// punctuation inside and a letter or digit outside does not.
    /// </summary>
    private static bool Flanks(string text, int start, int end) =>
        !(IsPunctuation(text[start]) && start > 0 && char.IsLetterOrDigit(text[start - 1]))
        && !(IsPunctuation(text[end - 1]) && end < text.Length && char.IsLetterOrDigit(text[end]));

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    /// <summary>An absolute URL as a link destination: characters that would end it or split a table cell are percent-encoded.</summary>
    private static void AppendDestination(StringBuilder output, string url)
    {
        foreach (var c in url)
        {
            _ = c switch
            {
                '(' => output.Append("%28"),
                ')' => output.Append("%29"),
                ' ' => output.Append("%20"),
                '<' => output.Append("%3C"),
                '>' => output.Append("%3E"),
                '|' => output.Append("%7C"),
                '\\' => output.Append("%5C"),
                _ => output.Append(c),
            };
        }
    }
}
