using Boilerplate.Core.Errors;

namespace Boilerplate.Core.Segmentation.Html;

/// <summary>
/// Builds a <see cref="LiteDocument"/> from HTML in one pass over <see cref="HtmlTokenizer"/>'s tokens, following
/// the HTML tree-building rules that decide where text lands on real pages: implied html/head/body, implied end tags
/// (p, li, dt/dd, option, table parts), the table rules with implied tbody/tr and foster parenting, end tags that only
/// close within their scope, the adoption agency for misnested formatting elements (<see cref="Adopt"/>), foreign
/// (SVG/MathML) content, template contents (dropped) and raw text. Re-opening (reconstructing) formatting elements is
/// left out: it moves inline markup, not text. The html5lib cases it differs on are listed, each with its reason, in
/// tests/Boilerplate.Core.Tests/Segmentation/Html/html5lib-deviations.txt.
/// </summary>
/// <remarks>
/// Nothing recurses and every search of the open elements looks at most <see cref="SearchWindow"/> of them, so any
/// input builds in linear time on any thread. Elements nested deeper than <see cref="SegmentationLimits.MaxDepth"/>
/// are attached as siblings at the cap depth, as browsers cap nesting.
/// </remarks>
internal sealed class LiteTreeBuilder
{
    private const int SearchWindow = 512;
    private const int CancellationCheckInterval = 1024;

    /// <summary>Insertion target of elements inside a &lt;template&gt;: their nodes are not built.</summary>
    private const int Discard = -2;

    private static readonly System.Collections.Frozen.FrozenSet<string> NoBoundaries =
        System.Collections.Frozen.FrozenSet<string>.Empty;

    private readonly LiteDocument _document;
    private readonly HtmlTokenizer _tokenizer;
    private readonly SegmentationLimits _limits;
    private readonly CancellationToken _cancellationToken;
    private readonly List<OpenElement> _open = [];
    private Phase _phase = Phase.BeforeHead;
    private int _startTags;
    private int _forms;
    private int _noscripts;

    // Open <p> and <a> elements: most start tags ask whether one is open, and the answer is usually no, which
    // these counts give without walking the open elements.
    private int _paragraphs;
    private int _links;
    private bool _skipNewline;

    private LiteTreeBuilder(string html, SegmentationLimits limits, CancellationToken cancellationToken)
    {
        _document = new LiteDocument(html);
        _tokenizer = new HtmlTokenizer(html);
        _limits = limits;
        _cancellationToken = cancellationToken;
    }

    private enum Phase
    {
        BeforeHead,
        InHead,
        InHeadNoscript,
        AfterHead,
        InBody,
    }

    private OpenElement Current => _open[^1];

    /// <summary>Inside a template (in the head too), where content follows the body rules but is not built.</summary>
    private bool InTemplate => _open[^1].Node == Discard;

    /// <summary>Parses <paramref name="html"/>; the caller disposes the document.</summary>
    /// <exception cref="PageRejectedException">More start tags than <see cref="SegmentationLimits.MaxNodes"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static LiteDocument Parse(string html, SegmentationLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(limits);
        var builder = new LiteTreeBuilder(html, limits, cancellationToken);
        try
        {
            builder.Run();
            return builder._document;
        }
        catch
        {
            builder._document.Dispose();
            throw;
        }
    }

    private void Run()
    {
        var root = NewElement(LiteDocument.None, "html", []);
        _open.Add(new OpenElement("html", root, Foreign: false));
        var tokens = 0;
        HtmlTokenKind kind;
        while ((kind = _tokenizer.Next()) != HtmlTokenKind.EndOfFile)
        {
            if (++tokens % CancellationCheckInterval == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            switch (kind)
            {
                case HtmlTokenKind.Text:
                    OnText(_tokenizer.TextStart, _tokenizer.TextLength);
                    break;
                case HtmlTokenKind.StartTag:
                    CountStartTag();
                    OnStartTag(_tokenizer.TagName);
                    break;
                case HtmlTokenKind.EndTag:
                    OnEndTag(_tokenizer.TagName);
                    break;
                case HtmlTokenKind.SuspenseStart or HtmlTokenKind.SuspenseEnd when _phase == Phase.InBody:
                    _document.NoteSuspenseMarker(Current.Node, kind == HtmlTokenKind.SuspenseStart);
                    break;
            }
        }

        StartBody();
        StreamedSegments.Resolve(_document, _limits.MaxDepth);
    }

    private void CountStartTag()
    {
        if (++_startTags > _limits.MaxNodes)
        {
            throw new PageRejectedException(
                PageRejection.TooManyNodes,
                $"The page has more than {_limits.MaxNodes:N0} tags (SegmentationLimits.MaxNodes); " +
                "send a smaller page or raise the limit in the service configuration.");
        }
    }

    // ---- text ----

    private void OnText(int start, int length)
    {
        var text = _document.Source.AsSpan(start, length);
        if (_skipNewline)
        {
            _skipNewline = false;
            var skip = text.StartsWith("\r\n") ? 2 : text.Length > 0 && text[0] is '\n' or '\r' ? 1 : 0;
            start += skip;
            length -= skip;
            text = text[skip..];
        }

        if (length == 0)
        {
            return;
        }

        var blank = text.IndexOfAnyExcept(" \t\n\r\f") < 0;
        if (_phase != Phase.InBody && !InTemplate)
        {
            if (blank)
            {
                if (_phase is Phase.InHead or Phase.InHeadNoscript or Phase.AfterHead)
                {
                    AppendText(Current.Node, start, length, rcdata: true);
                }

                return;
            }

            StartBody();
        }

        var parent = Current.Node;
        if (!blank && IsTableContext(parent))
        {
            Foster(start, length);
            return;
        }

        AppendText(parent, start, length, rcdata: true);
    }

    // ---- start tags ----

    private void OnStartTag(string tag)
    {
        _skipNewline = false;
        if (_phase != Phase.InBody && !InTemplate && !StartTagBeforeBody(tag))
        {
            return;
        }

        if (Current.Foreign)
        {
            if (!HtmlTags.BreaksOutOfForeign.Contains(tag))
            {
                var foreign = Push(tag, foreign: !HtmlTags.IntegrationPoints.Contains(tag));
                if (_tokenizer.SelfClosing)
                {
                    Pop(foreign);
                }

                return;
            }

            while (Current.Foreign)
            {
                PopTop();
            }
        }

        switch (tag)
        {
            case "html":
                AdoptAttributes(_open[0].Node);
                return;
            case "body":
                AdoptAttributes(_document.BodyIndex);
                return;
            case "head" or "frameset" or "frame":
                return;
            case "li":
                CloseListItem(static t => t == "li");
                ClosePInButtonScope();
                Push(tag);
                return;
            case "dd" or "dt":
                CloseListItem(static t => t is "dd" or "dt");
                ClosePInButtonScope();
                Push(tag);
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                ClosePInButtonScope();
                if (Current.Tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                {
                    PopTop();
                }

                Push(tag);
                return;
            case "pre" or "listing":
                ClosePInButtonScope();
                Push(tag);
                _skipNewline = true;
                return;
            case "form":
                if (_forms > 0)
                {
                    return;
                }

                ClosePInButtonScope();
                Push(tag);
                return;
            case "button":
                if (Find("button", HtmlTags.Scope) is var button and >= 0)
                {
                    PopTo(button);
                }

                Push(tag);
                return;
            case "a":
                if (_links > 0 && FindBefore("a", HtmlTags.Scope) is var open and > 0)
                {
                    Adopt(open);
                }

                Push(tag);
                return;
            case "option":
                if (Current.Tag == "option")
                {
                    PopTop();
                }

                Push(tag);
                return;
            case "optgroup":
                if (Current.Tag == "option")
                {
                    PopTop();
                }

                if (Current.Tag == "optgroup")
                {
                    PopTop();
                }

                Push(tag);
                return;
            case "rp" or "rt" or "rb" or "rtc":
                if (Current.Tag is "rp" or "rt" or "rb")
                {
                    PopTop();
                }

                Push(tag);
                return;
            case "image":
                AppendElement("img");
                return;
            case "table":
                if (IsTableContext(Current.Node) && Find("table", HtmlTags.Scope) is var table and >= 0)
                {
                    PopTo(table);
                }
                else if (_tokenizer.StandardsDoctype)
                {
                    ClosePInButtonScope();
                }

                Push(tag);
                return;
            case "caption" or "colgroup" or "col" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th":
                OnTablePart(tag);
                return;
            case "svg" or "math":
                var element = Push(tag, foreign: true);
                if (_tokenizer.SelfClosing)
                {
                    Pop(element);
                }

                return;
            case "template":
                Push(tag, children: Discard);
                return;
            case "plaintext":
                ClosePInButtonScope();
                ReadRawText(Push(tag), tag, toEnd: true);
                return;
        }

        if (HtmlTags.ClosesParagraph.Contains(tag))
        {
            ClosePInButtonScope();
        }

        if (HtmlTags.Void.Contains(tag))
        {
            AppendElement(tag);
            return;
        }

        if (HtmlTags.RawText.Contains(tag))
        {
            var node = AppendElement(tag);

            if (_noscripts > 0 && IsSelfClosedIframe(tag))
            {
                return;
            }

            _skipNewline = tag == "textarea";
            ReadRawText(node, tag, toEnd: false);
            return;
        }

        Push(tag);
    }

    /// <summary>Handles a start tag met before the body; returns whether the body rules must handle it too.</summary>
    private bool StartTagBeforeBody(string tag)
    {
        if (tag == "html")
        {
            AdoptAttributes(_open[0].Node);
            return false;
        }

        if (_phase == Phase.InHeadNoscript)
        {
            if (tag is "link" or "meta" or "style" or "noframes" or "basefont" or "bgsound")
            {
                HeadElement(tag);
                return false;
            }

            // Dropped rather than ending the head on it (see IsSelfClosedIframe).
            if (IsSelfClosedIframe(tag))
            {
                return false;
            }

            // Anything else ends the noscript and the head, as with scripting disabled.
            PopTop();
            _phase = Phase.InHead;
        }

        if (tag == "head")
        {
            if (_phase == Phase.BeforeHead)
            {
                _document.HeadIndex = Push("head");
                _phase = Phase.InHead;
            }

            return false;
        }

        if (HtmlTags.HeadContent.Contains(tag))
        {
            EnsureHeadOpen();
            HeadElement(tag);
            return false;
        }

        if (tag == "body")
        {
            StartBody();
            return false;
        }

        StartBody();
        return true;
    }

    private void HeadElement(string tag)
    {
        if (tag == "noscript")
        {
            Push(tag);
            _phase = Phase.InHeadNoscript;
            return;
        }

        if (tag == "template")
        {
            Push(tag, children: Discard);
            return;
        }

        var node = AppendElement(tag);
        if (HtmlTags.RawText.Contains(tag))
        {
            ReadRawText(node, tag, toEnd: false);
        }
    }

    private void EnsureHeadOpen()
    {
        if (_phase == Phase.BeforeHead)
        {
            _document.HeadIndex = Push("head");
            _phase = Phase.InHead;
        }
        else if (_phase == Phase.AfterHead)
        {
            // Late head content still belongs to the head.
            _open.Add(new OpenElement("head", _document.HeadIndex, Foreign: false));
            _phase = Phase.InHead;
        }
    }

    private void StartBody()
    {
        if (_phase == Phase.InBody)
        {
            return;
        }

        if (_document.HeadIndex == LiteDocument.None)
        {
            _document.HeadIndex = NewElement(_open[0].Node, "head", []);
        }

        // Close whatever the head still has open (a noscript, the head itself).
        while (_open.Count > 1)
        {
            PopTop();
        }

        _document.BodyIndex = Push("body");
        _phase = Phase.InBody;
    }

    private void OnTablePart(string tag)
    {
        // In a column group a col belongs inside it; any other table part closes the group first.
        if (_open.Count > 0 && _open[^1].Tag == "colgroup")
        {
            if (tag == "col")
            {
                AppendElement(tag);
                return;
            }

            PopTo(_open.Count - 1);
        }

        var context = FindTableContext();
        if (context < 0)
        {
            // Outside a table these tags are ignored; their content flows into the enclosing element.
            return;
        }

        var contextTag = _open[context].Tag;
        if (contextTag is "td" or "th" or "caption")
        {
            if (tag is "td" or "th" or "tr" or "tbody" or "thead" or "tfoot" or "caption" or "col" or "colgroup")
            {
                PopTo(context);
                context = FindTableContext();
                if (context < 0)
                {
                    return;
                }

                contextTag = _open[context].Tag;
            }
        }
        else
        {
            PopAbove(context);
        }

        switch (tag)
        {
            case "caption" or "colgroup":
                CloseToTable(ref context, ref contextTag);
                Push(tag);
                return;
            case "col":
                CloseToTable(ref context, ref contextTag);
                AppendElement(tag);
                return;
            case "tbody" or "thead" or "tfoot":
                CloseToTable(ref context, ref contextTag);
                Push(tag);
                return;
            case "tr":
                if (contextTag == "tr")
                {
                    PopTo(context);
                }
                else if (contextTag == "table")
                {
                    Push("tbody");
                }

                Push(tag);
                return;
            default:
                if (contextTag == "table")
                {
                    Push("tbody");
                    Push("tr");
                }
                else if (contextTag is "tbody" or "thead" or "tfoot")
                {
                    Push("tr");
                }

                Push(tag);
                return;
        }
    }

    /// <summary>Pops a row or row group so that the table is the current node.</summary>
    private void CloseToTable(ref int context, ref string contextTag)
    {
        if (contextTag is "tr" or "tbody" or "thead" or "tfoot")
        {
            var table = Find("table", HtmlTags.Scope);
            if (table >= 0)
            {
                PopAbove(table);
                context = table;
                contextTag = "table";
            }
        }
    }

    /// <summary>The nearest open table part or cell (index in the open elements), or -1 outside tables.</summary>
    private int FindTableContext()
    {
        var last = Math.Max(0, _open.Count - SearchWindow);
        for (var i = _open.Count - 1; i >= last; i--)
        {
            switch (_open[i].Tag)
            {
                case "td" or "th" or "tr" or "tbody" or "thead" or "tfoot" or "table" or "caption":
                    return i;
                case "html" or "template":
                    return -1;
            }
        }

        return -1;
    }

    private void CloseListItem(Func<string, bool> matches)
    {
        var last = Math.Max(0, _open.Count - SearchWindow);
        for (var i = _open.Count - 1; i >= last; i--)
        {
            var tag = _open[i].Tag;
            if (matches(tag))
            {
                PopTo(i);
                return;
            }

            if (HtmlTags.Special.Contains(tag) && tag is not ("address" or "div" or "p"))
            {
                return;
            }
        }
    }

    private void ClosePInButtonScope()
    {
        if (_paragraphs == 0)
        {
            return;
        }

        var p = Find("p", HtmlTags.Scope, alsoBoundary: "button");
        if (p >= 0)
        {
            PopTo(p);
        }
    }

    // ---- end tags ----

    private void OnEndTag(string tag)
    {
        _skipNewline = false;
        if (_phase != Phase.InBody && !InTemplate && !EndTagBeforeBody(tag))
        {
            return;
        }

        switch (tag)
        {
            case "html" or "body" or "head":
                return;
            case "br":
                CountStartTag();
                OnStartTag("br");
                return;
            case "p":
                var p = Find("p", HtmlTags.Scope, alsoBoundary: "button");
                if (p >= 0)
                {
                    PopTo(p);
                }
                else
                {
                    // A stray </p> makes an empty paragraph, which still ends the text run before it.
                    AppendElement("p");
                }

                return;
            case "li":
                PopToFound(Find("li", HtmlTags.Scope, alsoBoundary: "ul", alsoBoundary2: "ol"));
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                PopToFound(FindHeading());
                return;
            case "table" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th" or "caption" or "colgroup":
                PopToFound(FindInTableScope(tag));
                return;
            case "template":
                // Closes its template from any depth of table or foreign content, as the standard does.
                PopToFound(FindBefore("template", NoBoundaries));
                return;
        }

        if (HtmlTags.Special.Contains(tag))
        {
            PopToFound(Find(tag, HtmlTags.Scope));
            return;
        }

        // Any other end tag closes its element unless a special element stands in between; formatting elements
        // that cross a block are only taken off the open elements so the block stays open.
        var last = Math.Max(0, _open.Count - SearchWindow);
        for (var i = _open.Count - 1; i >= last; i--)
        {
            var open = _open[i];
            if (open.Tag == tag)
            {
                PopTo(i);
                return;
            }

            if (HtmlTags.Special.Contains(open.Tag))
            {
                if (IsFormatting(tag) && FindBefore(tag, HtmlTags.Scope, from: i - 1) is var formatting and > 0)
                {
                    Adopt(formatting);
                }

                return;
            }
        }
    }

    private bool EndTagBeforeBody(string tag)
    {
        switch (tag)
        {
            case "noscript" when _phase == Phase.InHeadNoscript:
                PopTop();
                _phase = Phase.InHead;
                return false;
            case "head" when _phase is Phase.InHead or Phase.BeforeHead:
                if (_phase == Phase.BeforeHead)
                {
                    _document.HeadIndex = Push("head");
                }

                while (_open.Count > 1)
                {
                    PopTop();
                }

                _phase = Phase.AfterHead;
                return false;
            case "template" when _phase == Phase.InHead:
                PopToFound(FindBefore("template", NoBoundaries));
                return false;
            case "body" or "html" or "br":
                StartBody();
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Closes the formatting element at <paramref name="formatting"/> across the blocks opened inside it, after the
    /// adoption agency algorithm: each such block moves out to the formatting element's parent, its content so far
    /// wrapped in a copy of the formatting element, so that text before the close stays inside (a link stays a
    /// link) and text after it does not. Bounded like the standard's: at most eight rounds.
    /// </summary>
    private void Adopt(int formatting)
    {
        for (var round = 0; round < 8; round++)
        {
            var block = -1;
            var last = Math.Min(_open.Count, formatting + SearchWindow);
            for (var i = formatting + 1; i < last; i++)
            {
                if (HtmlTags.Special.Contains(_open[i].Tag))
                {
                    block = i;
                    break;
                }
            }

            if (block < 0)
            {
                PopTo(formatting);
                return;
            }

            var commonAncestor = _open[formatting - 1].Node;
            var formattingNode = _open[formatting].Node;
            var blockNode = _open[block].Node;
            if (commonAncestor < 0 || formattingNode < 0 || blockNode < 0)
            {
                // Inside a template the tree is not built: only the open elements change.
                Count(_open[formatting].Tag, -1);
                _open.RemoveAt(formatting);
                return;
            }

            var copy = CopyElement(formattingNode);
            MoveChildren(blockNode, copy);
            _document.Link(blockNode, copy, LiteDocument.None);
            _document.Unlink(blockNode);
            _document.Link(commonAncestor, blockNode, LiteDocument.None);

            var blockEntry = _open[block];
            for (var i = formatting; i < block; i++)
            {
                Count(_open[i].Tag, -1);
            }

            _open.RemoveRange(formatting, block - formatting + 1);
            _open.Insert(formatting, blockEntry);
            var copyTag = _document.Nodes[copy].Tag!;
            Count(copyTag, +1);
            _open.Insert(formatting + 1, new OpenElement(copyTag, copy, Foreign: false));
            formatting++;
        }
    }

    private int CopyElement(int element)
    {
        var node = NewNode();
        ref var source = ref _document.Nodes[element];
        ref var copy = ref _document.Nodes[node];
        (copy.Tag, copy.Start, copy.Length) = (source.Tag, source.Start, source.Length);
        return node;
    }

    private void MoveChildren(int from, int to)
    {
        var nodes = _document.Nodes;
        for (var child = nodes[from].FirstChild; child != LiteDocument.None; child = nodes[child].Next)
        {
            nodes[child].Parent = to;
        }

        (nodes[to].FirstChild, nodes[to].LastChild) = (nodes[from].FirstChild, nodes[from].LastChild);
        (nodes[from].FirstChild, nodes[from].LastChild) = (LiteDocument.None, LiteDocument.None);
    }

    private static bool IsFormatting(string tag) =>
        tag is "a" or "b" or "big" or "code" or "em" or "font" or "i" or "nobr" or "s" or "small" or "strike" or "strong"
            or "tt" or "u";

    // ---- the open elements ----

    /// <summary>Index of the nearest open <paramref name="tag"/> in scope, or -1.</summary>
    private int Find(string tag, System.Collections.Frozen.FrozenSet<string> boundaries, string? alsoBoundary = null, string? alsoBoundary2 = null)
    {
        var last = Math.Max(0, _open.Count - SearchWindow);
        for (var i = _open.Count - 1; i >= last; i--)
        {
            var open = _open[i].Tag;
            if (open == tag)
            {
                return i;
            }

            if (boundaries.Contains(open) || open == alsoBoundary || open == alsoBoundary2)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Index of the nearest open <paramref name="tag"/> at or below <paramref name="from"/> (default: the current
    /// node) before one of <paramref name="boundaries"/>, or -1.
    /// </summary>
    private int FindBefore(string tag, System.Collections.Frozen.FrozenSet<string> boundaries, int? from = null)
    {
        var last = Math.Max(0, _open.Count - SearchWindow);
        for (var i = from ?? _open.Count - 1; i >= last; i--)
        {
            var open = _open[i].Tag;
            if (open == tag)
            {
                return i;
            }

            if (boundaries.Contains(open))
            {
                return -1;
            }
        }

        return -1;
    }

    private int FindHeading()
    {
        var last = Math.Max(0, _open.Count - SearchWindow);
        for (var i = _open.Count - 1; i >= last; i--)
        {
            var open = _open[i].Tag;
            if (open is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                return i;
            }

            if (HtmlTags.Scope.Contains(open))
            {
                return -1;
            }
        }

        return -1;
    }

    private int FindInTableScope(string tag)
    {
        var last = Math.Max(0, _open.Count - SearchWindow);
        for (var i = _open.Count - 1; i >= last; i--)
        {
            var open = _open[i].Tag;
            if (open == tag)
            {
                return i;
            }

            if (open is "html" or "template" || (open == "table" && tag != "table"))
            {
                return -1;
            }
        }

        return -1;
    }

    private void PopToFound(int index)
    {
        if (index >= 0)
        {
            PopTo(index);
        }
    }

    /// <summary>Pops the element at <paramref name="index"/> and everything above it.</summary>
    private void PopTo(int index)
    {
        while (_open.Count > index && _open.Count > 1)
        {
            PopTop();
        }
    }

    /// <summary>Pops everything above <paramref name="index"/>.</summary>
    private void PopAbove(int index) => PopTo(index + 1);

    private void Pop(int node)
    {
        if (_open.Count > 1 && Current.Node == node)
        {
            PopTop();
        }
    }

    private void PopTop()
    {
        Count(_open[^1].Tag, -1);
        _open.RemoveAt(_open.Count - 1);
    }

    private void Count(string tag, int change)
    {
        switch (tag)
        {
            case "p":
                _paragraphs += change;
                break;
            case "a":
                _links += change;
                break;
            case "form":
                _forms += change;
                break;
            case "noscript":
                _noscripts += change;
                break;
        }
    }

    /// <summary>Creates an element for the current start tag under the current node and makes it current.</summary>
    private int Push(string tag, bool foreign = false, int? children = null)
    {
        var parent = Current.Node;
        int node;
        if (parent == Discard)
        {
            node = Discard;
        }
        else
        {
            // Past the depth cap an element becomes the last child of the deepest element allowed children, as
            // Blink does, so the tree is never deeper than the cap whatever the nesting.
            node = InsertElement(_open.Count > _limits.MaxDepth ? _open[_limits.MaxDepth - 1].Node : parent, tag);
        }

        Count(tag, +1);
        _open.Add(new OpenElement(tag, children ?? node, foreign));
        return node;
    }

    /// <summary>Creates an element that is not left open (void, raw text, stray &lt;/p&gt;).</summary>
    private int AppendElement(string tag)
    {
        var parent = Current.Node;
        return parent == Discard ? Discard : InsertElement(parent, tag);
    }

    private int InsertElement(int parent, string tag)
    {
        var attributes = _tokenizer.TagName == tag || tag == "img" ? _tokenizer.Attributes : [];
        if (IsTableContext(parent) && !HtmlTags.TableStructure.Contains(tag)
            && tag is not ("script" or "style" or "template" or "form" or "input"))
        {
            var table = FindBefore("table", HtmlTags.Scope);
            if (table > 0 && _open[table].Node >= 0 && _document.Nodes[_open[table].Node].Parent is var fosterParent and >= 0)
            {
                return NewElement(fosterParent, tag, attributes, before: _open[table].Node);
            }
        }

        return NewElement(parent, tag, attributes);
    }

    private void Foster(int start, int length)
    {
        var table = FindBefore("table", HtmlTags.Scope);
        if (table > 0 && _open[table].Node >= 0 && _document.Nodes[_open[table].Node].Parent is var fosterParent and >= 0)
        {
            var node = NewText(start, length, rcdata: true);
            _document.Link(fosterParent, node, before: _open[table].Node);
            return;
        }

        AppendText(Current.Node, start, length, rcdata: true);
    }

    /// <summary>
    /// Whether the start tag is an <c>&lt;iframe/&gt;</c> written self-closed, as JSX renders a tag manager's snippet
    /// inside a <c>&lt;noscript&gt;</c>. Browsers parse the noscript as text, so there it ends with the noscript; read as
    /// the standard's scripting-off parse, its raw text runs to an <c>&lt;/iframe&gt;</c> that never comes and swallows
    /// the page.
    /// </summary>
    private bool IsSelfClosedIframe(string tag) => tag == "iframe" && _tokenizer.SelfClosing;

    private bool IsTableContext(int node) =>
        node >= 0 && _document.Nodes[node].Tag is { } tag && HtmlTags.TableContext.Contains(tag);

    private void ReadRawText(int node, string tag, bool toEnd)
    {
        if (!_tokenizer.ReadRawText(tag, toEnd) || node < 0 || tag is "script" or "style")
        {
            // Script and style content is never text on the page: skipped without being stored. A JSON-LD script's
            // range is noted (not copied) for the page metadata.
            if (node >= 0 && tag == "script" && _tokenizer.TextLength > 0)
            {
                _document.NoteScript(node, _tokenizer.TextStart, _tokenizer.TextLength);
            }

            return;
        }

        var start = _tokenizer.TextStart;
        var length = _tokenizer.TextLength;
        if (_skipNewline)
        {
            _skipNewline = false;
            var skip = _document.Source.AsSpan(start, length).StartsWith("\r\n") ? 2 : _document.Source[start] is '\n' or '\r' ? 1 : 0;
            start += skip;
            length -= skip;
        }

        if (length > 0)
        {
            AppendText(node, start, length, rcdata: HtmlTags.EscapableRawText.Contains(tag) || tag == "plaintext");
        }
    }

    // ---- node storage ----

    private int NewElement(int parent, string tag, ReadOnlySpan<HtmlTokenizer.PendingAttribute> attributes, int before = LiteDocument.None)
    {
        var start = StoreAttributes(attributes);
        var node = NewNode();
        ref var data = ref _document.Nodes[node];
        data.Tag = tag;
        data.Start = start;
        data.Length = attributes.Length;
        if (parent != LiteDocument.None)
        {
            _document.Link(parent, node, before);
        }

        return node;
    }

    /// <summary>Stores the attributes of an element; returns the index of the first.</summary>
    private int StoreAttributes(ReadOnlySpan<HtmlTokenizer.PendingAttribute> attributes)
    {
        var document = _document;
        var start = document.AttributeCount;
        foreach (var attribute in attributes)
        {
            var value = Store(attribute.Start, attribute.Length, decode: true, inAttribute: true);
            if (document.AttributeCount == document.Attributes.Length)
            {
                LiteDocument.Grow(ref document.Attributes, document.AttributeCount, document.AttributeCount + 1);
            }

            ref var kept = ref document.Attributes[document.AttributeCount++];
            kept.Name = attribute.Name;
            (kept.Decoded, kept.Start, kept.Length) = value;
        }

        return start;
    }

    /// <summary>
    /// Gives an element created before its tag was met (the root, an implied body) the attributes of a late
    /// &lt;html&gt; or &lt;body&gt; tag that it does not have yet, as browsers do; those it has keep their values.
    /// </summary>
    private void AdoptAttributes(int node)
    {
        var incoming = _tokenizer.Attributes;
        if (node < 0 || incoming.Length == 0)
        {
            return;
        }

        ref var element = ref _document.Nodes[node];
        if (element.Length == 0)
        {
            var start = StoreAttributes(incoming);
            (element.Start, element.Length) = (start, incoming.Length);
            return;
        }

        var missing = 0;
        foreach (var attribute in incoming)
        {
            missing += Has(element.Start, element.Length, attribute.Name) ? 0 : 1;
        }

        if (missing == 0)
        {
            return;
        }

        // An element's attributes are one run of the array: copy the run to the end and add the missing ones after
        // it. Each copy adds a name the element lacked, so a page repeating the tag copies a bounded number of times.
        var document = _document;
        var (oldStart, oldLength) = (element.Start, element.Length);
        if (document.AttributeCount + oldLength > document.Attributes.Length)
        {
            LiteDocument.Grow(ref document.Attributes, document.AttributeCount, document.AttributeCount + oldLength);
        }

        var copied = document.AttributeCount;
        Array.Copy(document.Attributes, oldStart, document.Attributes, copied, oldLength);
        document.AttributeCount += oldLength;
        foreach (var attribute in incoming)
        {
            if (!Has(copied, document.AttributeCount - copied, attribute.Name))
            {
                StoreAttributes([attribute]);
            }
        }

        ref var grown = ref _document.Nodes[node];
        (grown.Start, grown.Length) = (copied, document.AttributeCount - copied);
    }

    private bool Has(int start, int length, LiteAttribute name)
    {
        foreach (var attribute in _document.Attributes.AsSpan(start, length))
        {
            if (attribute.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private void AppendText(int parent, int start, int length, bool rcdata)
    {
        if (parent < 0)
        {
            return;
        }

        _document.Link(parent, NewText(start, length, rcdata), LiteDocument.None);
    }

    private int NewText(int start, int length, bool rcdata)
    {
        var node = NewNode();
        ref var data = ref _document.Nodes[node];
        (data.DecodedText, data.Start, data.Length) = Store(start, length, decode: rcdata, inAttribute: false);
        return node;
    }

    /// <summary>Where a slice of source lives once decoded: the source itself when nothing needs decoding.</summary>
    private (bool Decoded, int Start, int Length) Store(int start, int length, bool decode, bool inAttribute)
    {
        var document = _document;
        var text = document.Source.AsSpan(start, length);
        if (!decode || !CharacterReferences.NeedsDecoding(text))
        {
            return (false, start, length);
        }

        var at = document.DecodedLength;
        var buffer = document.Decoded;
        CharacterReferences.Decode(text, inAttribute, ref buffer, ref document.DecodedLength);
        document.Decoded = buffer;
        return (true, at, document.DecodedLength - at);
    }

    private int NewNode()
    {
        var document = _document;
        if (document.NodeCount == document.Nodes.Length)
        {
            LiteDocument.Grow(ref document.Nodes, document.NodeCount, document.NodeCount + 1);
        }

        var node = document.NodeCount++;
        document.Nodes[node] = new LiteDocument.NodeData
        {
            Parent = LiteDocument.None,
            FirstChild = LiteDocument.None,
            LastChild = LiteDocument.None,
            Next = LiteDocument.None,
            Previous = LiteDocument.None,
        };
        return node;
    }

    /// <summary>One open element: its tag, the node its children go into, and whether its content is SVG/MathML.</summary>
    private readonly record struct OpenElement(string Tag, int Node, bool Foreign);
}
