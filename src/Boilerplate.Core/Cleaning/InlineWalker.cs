using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>What a renderer writes for a block's text and its inline spans (<see cref="InlineWalker"/>).</summary>
internal interface IInlineSink
{
    /// <summary>Characters [<paramref name="start"/>, <paramref name="end"/>) of the text, as plain text.</summary>
    void Text(string text, int start, int end);

    /// <summary>Opens emphasis, strong or a link (<paramref name="url"/> resolved); false leaves the span as plain text.</summary>
    bool Open(string text, InlineSpan span, string? url);

    /// <summary>Closes a span that <see cref="Open"/> accepted.</summary>
    void Close(string text, InlineSpan span, string? url);

    /// <summary>Inline code: characters [<paramref name="start"/>, <paramref name="end"/>) as written.</summary>
    void Code(string text, int start, int end);

    /// <summary>An image with its resolved source, at <paramref name="position"/> of the text.</summary>
    void Image(string text, int position, string source, string alt);
}

/// <summary>
/// Walks a block's text and spans once, in order, and tells a sink what to write: the one place that decides which
/// spans are rendered, so Markdown and HTML agree. Spans nest as their elements did; a link inside a link, anything
/// inside code, emphasis inside the same emphasis and URLs that are not http(s) (mailto for links) stay plain text.
/// Linear in text and spans: each span is opened and closed once.
/// </summary>
internal static class InlineWalker
{
    /// <summary>Walks <paramref name="text"/> with <paramref name="spans"/> (figures are skipped: they stand before the block).</summary>
    public static void Walk(string text, IReadOnlyList<InlineSpan>? spans, Uri? baseUri, IInlineSink sink)
    {
        if (spans is null || spans.Count == 0)
        {
            sink.Text(text, 0, text.Length);
            return;
        }

        var ordered = new List<(InlineSpan Span, int Order)>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            if (spans[i].Kind != InlineKind.Figure)
            {
                ordered.Add((spans[i], i));
            }
        }

        // Outer before inner at one position: longer first, then in recording (opening) order.
        ordered.Sort(static (a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start)
            : a.Span.End != b.Span.End ? b.Span.End.CompareTo(a.Span.End)
            : a.Order.CompareTo(b.Order));

        var open = new Stack<Open>();
        var position = 0;
        var codeEnd = -1;
        foreach (var (span, _) in ordered)
        {
            var start = Math.Clamp(span.Start, 0, text.Length);
            if (start < codeEnd)
            {
                continue;
            }

            position = CloseUpTo(text, start, position, open, sink);
            if (start > position)
            {
                sink.Text(text, position, start);
                position = start;
            }

            var limit = open.Count > 0 ? open.Peek().End : text.Length;
            var end = Math.Clamp(span.End, start, limit);
            switch (span.Kind)
            {
                case InlineKind.Image:
                    if (PageUrls.Resolve(baseUri, span.Target, allowMail: false) is { } source)
                    {
                        sink.Image(text, start, source, span.AltText());
                    }

                    break;
                case InlineKind.Code when end > start:
                    sink.Code(text, start, end);
                    position = codeEnd = end;
                    break;
                case InlineKind.Link or InlineKind.Emphasis or InlineKind.Strong:
                    (start, end) = Trim(text, start, end);
                    if (start >= end || Inside(open, span.Kind))
                    {
                        break;
                    }

                    var url = span.Kind == InlineKind.Link ? PageUrls.Resolve(baseUri, span.Target, allowMail: true) : null;
                    if (span.Kind == InlineKind.Link && url is null)
                    {
                        break;
                    }

                    if (start > position)
                    {
                        sink.Text(text, position, start);
                        position = start;
                    }

                    if (sink.Open(text, span with { Start = start, End = end }, url))
                    {
                        open.Push(new Open(span with { Start = start, End = end }, url));
                    }

                    break;
            }
        }

        position = CloseUpTo(text, text.Length, position, open, sink);
        if (position < text.Length)
        {
            sink.Text(text, position, text.Length);
        }
    }

    private static int CloseUpTo(string text, int until, int position, Stack<Open> open, IInlineSink sink)
    {
        while (open.Count > 0 && open.Peek().End <= until)
        {
            var top = open.Pop();
            if (top.End > position)
            {
                sink.Text(text, position, top.End);
                position = top.End;
            }

            sink.Close(text, top.Span, top.Url);
        }

        return position;
    }

    private static bool Inside(Stack<Open> open, InlineKind kind)
    {
        foreach (var span in open)
        {
            if (span.Span.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private readonly record struct Open(InlineSpan Span, string? Url)
    {
        public int End => Span.End;
    }
}
