using System.Text;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Walks a parsed page (<see cref="LiteDocument"/>) once, iteratively (an explicit stack, so a page nested 100,000 deep cannot overflow the
/// thread's stack), and cuts it into blocks. One walker serves one page.
/// </summary>
/// <remarks>
/// Text accumulates in a run owned by the nearest non-inline element. Entering or leaving any non-inline element
/// ends the run and emits it as a block, so the innermost block elements own their text and a container's loose
/// text becomes blocks of its own. Inside &lt;pre&gt; and data table rows everything is flattened into the one block.
/// </remarks>
internal sealed class HtmlBlockWalker
{
    private const int MaxAncestorTags = 32;

    /// <summary>Depth below the walked root down to which a hidden element may be read for holding most of the page.</summary>
    private const int MaxRevealDepth = 6;
    private const int LayoutScanBudget = 2000;

    /// <summary>Most panel ids noted from headings' toggles on one page, so a hostile page cannot grow the set without bound.</summary>
    private const int MaxHeadingPanels = 4096;

    /// <summary>Hidden text (non-white-space characters, about 200 words) below which a page is never <see cref="MostlyHidden"/>: a short page's hidden message is not its content.</summary>
    private const int MinRevealedTextLength = 1000;
    private const int CancellationCheckInterval = 1024;

    /// <summary>Images without text of their own waiting for the next block; more in a row are a gallery, not the article's.</summary>
    private const int MaxPendingFigures = 8;

    private readonly SegmentationLimits _limits;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Frame> _stack = [];
    private readonly List<Block> _blocks = [];

    // Scratch reused for every block's context, so a block costs its own strings only.
    private readonly StringBuilder _ancestors = new();
    // Tokens are interned per page (AttributeTokens), so one token is one string: compared by reference, not hashed by content.
    private readonly HashSet<string> _seenTokens = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _tokens = [];
    private readonly AttributeTokens _tokenizer = new();
    private readonly bool _captureInline;
    private readonly List<InlineSpan> _pendingFigures = [];
    private int _top = -1;
    private int _elements;
    private int _containers;
    private int _domElements;
    private TextRun _run;
    private List<TextRun>? _cells;
    private bool _lastWasBreak;
    private int _rootTextLength = -1;
    private readonly bool _revealHidden;
    private HashSet<string>? _headingPanels;
    private List<LiteNode>? _skippedHidden;
    private LiteNode _root;

    /// <param name="limits">Bounds on the page.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    /// <param name="captureInline">Record links, emphasis, code and images beside the text (<see cref="Block.Inlines"/>); off only to measure what recording costs.</param>
    /// <param name="revealHidden">Read the hidden elements a reader could be shown, for a page found <see cref="MostlyHidden"/>.</param>
    public HtmlBlockWalker(SegmentationLimits limits, CancellationToken cancellationToken, bool captureInline = true, bool revealHidden = false)
    {
        _revealHidden = revealHidden;
        _limits = limits;
        _cancellationToken = cancellationToken;
        _captureInline = captureInline;
        _run = new TextRun(limits.MaxBlockChars);
    }

    /// <summary>Text of the first &lt;h1&gt; met, for the title fallback.</summary>
    public string? FirstH1 { get; private set; }

    /// <summary>Texts of the first level-1 to level-3 headings met, in order, for the headline.</summary>
    public IReadOnlyList<string> Headings => _headings;

    private const int MaxHeadings = 12;
    private readonly List<string> _headings = [];

    /// <summary>Cuts the subtree of <paramref name="root"/> into blocks.</summary>
    public List<Block> Walk(LiteNode root)
    {
        _root = root;
        Push(root, HtmlElementRoles.RoleOf(root.LocalName));
        while (_top >= 0)
        {
            var frame = _stack[_top];
            if (frame.Next is not { } node)
            {
                Exit(frame);
                _top--;
                continue;
            }

            frame.Next = node.NextSibling;
            if (node.IsElement)
            {
                Enter(node);
            }
            else
            {
                AppendText(node.Text);
            }
        }

        return _blocks;
    }

    private Frame Current => _stack[_top];

    private void Enter(LiteNode element)
    {
        if (++_elements % CancellationCheckInterval == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        if (_elements > _limits.MaxNodes)
        {
            throw new PageRejectedException(
                PageRejection.TooManyNodes,
                $"The page has more than {_limits.MaxNodes:N0} elements (SegmentationLimits.MaxNodes); " +
                "send a smaller page or raise the limit in the service configuration.");
        }

        var tag = element.LocalName;
        var role = HtmlElementRoles.RoleOf(tag);
        if (tag is "img" or "picture")
        {
            // Skipped like any media for the text; only its source is noted beside the text.
            CaptureImage(element, tag);
            return;
        }

        NoteHeadingPanels(element, tag);
        if (role == ElementRole.Skipped
            || (IsHidden(element, tag) && !IsHeadingPanel(element) && !HoldsMostOfPage(element) && !Reveals(element, tag))
            || (tag == "noscript" && HoldsEscapedMarkup(element)))
        {
            return;
        }

        if (HtmlElementRoles.SeparatesWords(tag))
        {
            Sink.Separate(preserveLines: false);
        }

        var parent = Current;
        if (parent.Flat)
        {
            EnterFlat(element, tag, role);
            return;
        }

        if (role == ElementRole.Inline)
        {
            if (tag == "br")
            {
                Break();
                return;
            }

            if (tag == "a" && element.HasAttribute(LiteAttribute.Href))
            {
                _run.LinkCount++;
            }

            Push(element, role);
            OpenInline(element, tag);
            return;
        }

        Flush(parent.InLink);
        Push(element, role);
    }

    private void EnterFlat(LiteNode element, string tag, ElementRole role)
    {
        var parent = Current;
        if (parent.Row && tag is "td" or "th")
        {
            _cells!.Add(NewRun(parent.InLink));
            parent.AllHeaderCells &= tag == "th";
        }
        else if (tag == "br")
        {
            Sink.Separate(parent.Preserve);
            return;
        }
        else if (role != ElementRole.Inline && !parent.Preserve)
        {
            Sink.Separate(preserveLines: false);
        }

        if (tag == "a" && element.HasAttribute(LiteAttribute.Href))
        {
            Sink.LinkCount++;
        }

        Push(element, role);
        if (role == ElementRole.Inline && !parent.Preserve)
        {
            OpenInline(element, tag);
        }
    }

    /// <summary>Opens the span of a link, emphasis or code element in the run its text goes to.</summary>
    private void OpenInline(LiteNode element, string tag)
    {
        if (!_captureInline)
        {
            return;
        }

        ReadOnlyMemory<char> target = default;
        InlineKind kind;
        switch (tag)
        {
            case "a":
                if (!element.TryGetAttributeMemory(LiteAttribute.Href, out var href) || (href = href.Trim()).IsEmpty || href.Length > ArticleImages.MaxUrlChars)
                {
                    return;
                }

                kind = InlineKind.Link;
                target = href;
                break;
            case "em" or "i":
                kind = InlineKind.Emphasis;
                break;
            case "strong" or "b":
                kind = InlineKind.Strong;
                break;
            case "code" or "kbd" or "samp" or "tt":
                kind = InlineKind.Code;
                break;
            default:
                return;
        }

        var sink = Sink;
        var frame = Current;
        frame.SpanRun = sink;
        frame.SpanGeneration = sink.Generation;
        frame.SpanIndex = sink.OpenSpan(kind, target);
    }

    private void CaptureImage(LiteNode element, string tag)
    {
        if (!_captureInline || Current.Preserve || IsHidden(element, tag) || (Current.Row && _cells is { Count: 0 }))
        {
            return;
        }

        if (ArticleImages.Of(element) is { } image)
        {
            Sink.AddImage(image.Source, image.Alt);
        }
    }

    private void Exit(Frame frame)
    {
        if (frame.Role == ElementRole.Inline)
        {
            frame.SpanRun?.CloseSpan(frame.SpanGeneration, frame.SpanIndex);
            if (HtmlElementRoles.SeparatesWords(frame.Tag))
            {
                Sink.Separate(preserveLines: false);
            }

            return;
        }

        if (_top > 0 && _stack[_top - 1].Flat)
        {
            if (!frame.Preserve)
            {
                Sink.Separate(preserveLines: false);
            }

            return;
        }

        if (frame.Row)
        {
            EmitRow(frame);
            _cells = null;
            _run.Reset(_top > 0 && _stack[_top - 1].InLink);
            return;
        }

        Flush(_top > 0 && _stack[_top - 1].InLink);
    }

    /// <summary>Where text goes now: the current cell of a data row, else the current run.</summary>
    private TextRun Sink => _cells is { Count: > 0 } cells ? cells[^1] : _run;

    private void AppendText(ReadOnlySpan<char> data)
    {
        var frame = Current;
        if (frame.Row && _cells is { Count: 0 })
        {
            return;
        }

        var sink = Sink;
        if (frame.Preserve)
        {
            sink.AppendPreserved(data, frame.InLink);
        }
        else
        {
            var before = sink.VisibleChars;
            sink.Append(data, frame.InLink);
            if (sink.VisibleChars > before)
            {
                _lastWasBreak = false;
            }
        }
    }

    /// <summary>A &lt;br&gt; separates words; a second one in a row ends the paragraph.</summary>
    private void Break()
    {
        if (_lastWasBreak && _run.HasText)
        {
            Flush(Current.InLink);
            return;
        }

        _run.Separate(preserveLines: false);
        _lastWasBreak = true;
    }

    private void Push(LiteNode element, ElementRole role)
    {
        var parent = _top >= 0 ? _stack[_top] : null;
        _top++;
        if (_top == _stack.Count)
        {
            _stack.Add(new Frame());
        }

        var frame = _stack[_top];
        frame.Reset(element, role, parent);
        var tag = frame.Tag;
        if (HtmlElementRoles.StartsContainer(tag))
        {
            frame.ContainerId = ++_containers;
        }

        if (parent is { Flat: true })
        {
            return;
        }

        switch (tag)
        {
            case "ul" or "ol" or "menu":
                frame.ListDepth++;
                frame.ListOrdered = tag == "ol";
                break;
            case "li":
                frame.Kind = BlockKind.ListItem;
                frame.Level = Math.Max(1, frame.ListDepth);
                frame.Ordered = frame.ListOrdered;
                break;
            case "blockquote":
                frame.Kind = BlockKind.Quote;
                frame.Level = 0;
                break;
            case "dt" or "figcaption" or "caption":
                frame.Kind = BlockKind.Other;
                frame.Level = 0;
                break;
            case "pre":
                frame.Kind = BlockKind.Code;
                frame.Level = 0;
                frame.Preserve = true;
                frame.Flat = true;
                frame.CodeLanguage = CodeLanguageOf(element);
                break;
            case "thead":
                frame.InTableHead = true;
                break;
            case "table":
                frame.InTableHead = false;
                break;
            case "tr" when IsDataRow(element):
                frame.Kind = BlockKind.TableRow;
                frame.Level = 0;
                frame.Row = true;
                frame.Flat = true;
                frame.AllHeaderCells = true;
                _cells = [];
                break;
            default:
                var level = HtmlElementRoles.HeadingLevel(tag);
                if (level > 0)
                {
                    frame.Kind = BlockKind.Heading;
                    frame.Level = level;
                }

                break;
        }

        if (frame.Role != ElementRole.Inline)
        {
            _run.Reset(frame.InLink);
            _lastWasBreak = false;
        }
    }

    private TextRun NewRun(bool inLink)
    {
        var run = new TextRun(_limits.MaxBlockChars);
        run.Reset(inLink);
        return run;
    }

    /// <summary>
    /// Emits the current run as a block owned by the nearest non-inline frame, then starts a new run
    /// (<paramref name="nextInLink"/>: whether the text that follows sits inside a link).
    /// </summary>
    private void Flush(bool nextInLink)
    {
        var run = _run;
        _lastWasBreak = false;
        if (!run.HasText)
        {
            if (_captureInline)
            {
                run.MoveImagesTo(_pendingFigures, MaxPendingFigures);
            }

            run.Reset(nextInLink);
            return;
        }

        var owner = OwnerIndex();
        var frame = _stack[owner];
        var text = run.Build(frame.Preserve);
        if (frame.Kind == BlockKind.Heading && frame.Level == 1)
        {
            FirstH1 ??= text;
        }

        if (frame.Kind == BlockKind.Heading && frame.Level <= 3 && _headings.Count < MaxHeadings)
        {
            _headings.Add(text);
        }

        Emit(new Block(text, frame.Kind)
        {
            Level = frame.Level,
            Ordered = frame.Ordered,
            CodeLanguage = frame.CodeLanguage,
            Dom = DomOf(owner, run.LinkTextShare, run.LinkCount),
            Inlines = _captureInline ? SpansOf(run, text.Length, code: frame.Preserve) : null,
        });
        run.Reset(nextInLink);
    }

    private void EmitRow(Frame frame)
    {
        var cells = _cells!;
        if (cells.Count == 0 || !cells.Exists(c => c.HasText))
        {
            return;
        }

        var texts = cells.ConvertAll(c => c.Build(preserveLines: false));
        var visible = 0;
        var linkChars = 0;
        var links = 0;
        foreach (var cell in cells)
        {
            visible += cell.VisibleChars;
            linkChars += cell.LinkChars;
            links += cell.LinkCount;
        }

        Emit(new Block(string.Join(" | ", texts), BlockKind.TableRow)
        {
            Cells = texts,
            HeaderRow = frame.InTableHead || frame.AllHeaderCells,
            Dom = DomOf(_top, visible == 0 ? 0f : (float)linkChars / visible, links),
            CellInlines = _captureInline ? CellSpansOf(cells, texts) : null,
        });
    }

    /// <summary>
    /// The block's inline spans, led by the images that waited for it. Code keeps its text as is, so only the
    /// waiting images (<paramref name="code"/>). Table rows take none of the waiting images: a figure inside a
    /// table would cut it in two; they wait for the block after the table.
    /// </summary>
    private InlineSpan[]? SpansOf(TextRun run, int length, bool code)
    {
        InlineSpan[]? spans;
        if (code)
        {
            spans = _pendingFigures.Count == 0 ? null : [.. _pendingFigures];
        }
        else
        {
            spans = run.BuildSpans(length, _pendingFigures.Count == 0 ? null : _pendingFigures);
        }

        _pendingFigures.Clear();
        return spans;
    }

    private static IReadOnlyList<InlineSpan>?[]? CellSpansOf(List<TextRun> cells, List<string> texts)
    {
        IReadOnlyList<InlineSpan>?[]? spans = null;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].BuildSpans(texts[i].Length, figures: null) is { } cell)
            {
                spans ??= new IReadOnlyList<InlineSpan>?[cells.Count];
                spans[i] = cell;
            }
        }

        return spans;
    }

    private void Emit(Block block)
    {
        if (_blocks.Count >= _limits.MaxBlocks)
        {
            throw new PageRejectedException(
                PageRejection.TooManyParagraphs,
                $"The page yields more than {_limits.MaxBlocks:N0} blocks (SegmentationLimits.MaxBlocks); " +
                "send a smaller page or raise the limit in the service configuration.");
        }

        _blocks.Add(block);
    }

    private int OwnerIndex()
    {
        var i = _top;
        while (i > 0 && _stack[i].Role == ElementRole.Inline)
        {
            i--;
        }

        return i;
    }

    private BlockDom DomOf(int index, float linkShare, int linkCount)
    {
        var frame = _stack[index];
        return new BlockDom(
            frame.Tag,
            AncestorTagsOf(index),
            AttributeTokensOf(index),
            linkShare,
            linkCount,
            Math.Min(index, _limits.MaxDepth),
            ContainerOf(index),
            ElementOf(index));
    }

    /// <summary>
    /// The container that holds the block, not one the block starts: text written straight into sibling divs (one div a
    /// paragraph, common in generated markup) would otherwise give every paragraph a container of its own.
    /// </summary>
    private int ContainerOf(int index) =>
        index > 0 && HtmlElementRoles.StartsContainer(_stack[index].Tag) ? _stack[index - 1].ContainerId : _stack[index].ContainerId;

    /// <summary>The element of frame <paramref name="index"/>, creating it and any ancestor no block has needed yet.</summary>
    private DomElement ElementOf(int index)
    {
        var from = index;
        while (from >= 0 && _stack[from].Element is null)
        {
            from--;
        }

        for (var i = from + 1; i <= index; i++)
        {
            _stack[i].Element = new DomElement(_domElements++, i, i > 0 ? _stack[i - 1].Element : null);
        }

        return _stack[index].Element!;
    }

    /// <summary>Tags of the frames below <paramref name="index"/>; sibling blocks share one string, cached on their parent.</summary>
    private string AncestorTagsOf(int index)
    {
        if (index == 0)
        {
            return string.Empty;
        }

        var parent = _stack[index - 1];
        if (parent.ChildAncestorTags is { } cached)
        {
            return cached;
        }

        var first = Math.Max(0, index - MaxAncestorTags);
        var builder = _ancestors.Clear();
        for (var i = first; i < index; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(_stack[i].Tag);
        }

        return parent.ChildAncestorTags = builder.ToString();
    }

    /// <summary>
    /// The class and id tokens of frame <paramref name="index"/> and its ancestors, nearest first. Within the depth cap
    /// they depend only on frames that stay open as long as this one, so each frame computes them once, and a frame
    /// without tokens of its own shares its parent's string: the blocks of one container share one.
    /// </summary>
    private string AttributeTokensOf(int index)
    {
        if (index > _limits.MaxDepth)
        {
            return JoinAttributeTokens(index);
        }

        var owner = index;
        while (owner > 0 && _stack[owner].AttributeTokens is null && _stack[owner].TokensFrom(_tokenizer).Length == 0)
        {
            owner--;
        }

        var tokens = _stack[owner].AttributeTokens ?? SiblingJoin(owner);
        for (var i = owner; i <= index; i++)
        {
            _stack[i].AttributeTokens = tokens;
        }

        return tokens;
    }

    /// <summary>
    /// The joined tokens of frame <paramref name="owner"/>, taken from its previous sibling when that one had the same
    /// token array (items of a menu or grid share their class string's split): below the same open ancestors, the same
    /// tokens join to the same string.
    /// </summary>
    private string SiblingJoin(int owner)
    {
        if (owner == 0)
        {
            return JoinAttributeTokens(owner);
        }

        var own = _stack[owner].TokensFrom(_tokenizer);
        var parent = _stack[owner - 1];
        if (parent.ChildTokens is { } joined && ReferenceEquals(parent.ChildTokensFrom, own))
        {
            return joined;
        }

        parent.ChildTokensFrom = own;
        return parent.ChildTokens = JoinAttributeTokens(owner);
    }

    private string JoinAttributeTokens(int index)
    {
        var seen = _seenTokens;
        var tokens = _tokens;
        seen.Clear();
        tokens.Clear();
        var last = Math.Max(0, index - _limits.MaxDepth);
        for (var i = index; i >= last && tokens.Count < AttributeTokens.MaxTokens; i--)
        {
            foreach (var token in _stack[i].TokensFrom(_tokenizer))
            {
                if (seen.Add(token))
                {
                    tokens.Add(token);
                    if (tokens.Count == AttributeTokens.MaxTokens)
                    {
                        break;
                    }
                }
            }
        }

        return string.Join(' ', tokens);
    }

    /// <summary>
    /// A row is data (one TableRow block) unless it holds paragraphs, lists, headings or nested tables, which mark
    /// a layout table whose cells must be segmented like any container. The scan is bounded; a row too big to scan
    /// is layout.
    /// </summary>
    private static bool IsDataRow(LiteNode row)
    {
        var pending = new Stack<LiteNode>();
        pending.Push(row);
        var budget = LayoutScanBudget;
        while (pending.Count > 0)
        {
            foreach (var child in pending.Pop().Children)
            {
                if (--budget < 0)
                {
                    return false;
                }

                var tag = child.LocalName;
                if (HtmlElementRoles.MarksLayoutTable(tag))
                {
                    return false;
                }

                if (HtmlElementRoles.RoleOf(tag) != ElementRole.Skipped)
                {
                    pending.Push(child);
                }
            }
        }

        return true;
    }

    private static string? CodeLanguageOf(LiteNode pre)
    {
        var language = LanguageFromClass(pre.GetAttribute(LiteAttribute.Class));
        if (language is null && pre.Children.Take(2).ToList() is [{ LocalName: "code" } code])
        {
            language = LanguageFromClass(code.GetAttribute(LiteAttribute.Class));
        }

        return language;
    }

    private static string? LanguageFromClass(string? classes)
    {
        if (string.IsNullOrEmpty(classes))
        {
            return null;
        }

        foreach (var name in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var prefix in (ReadOnlySpan<string>)["language-", "lang-"])
            {
                if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return name[prefix.Length..].ToLowerInvariant();
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a &lt;noscript&gt; holds markup as text (<c>&amp;lt;img …&amp;gt;</c>), as pages saved from a scripting DOM do:
    /// no reader sees that text, and read as prose it is a tracking pixel's URL kept as body.
    /// </summary>
    private static bool HoldsEscapedMarkup(LiteNode element)
    {
        for (var next = element.FirstChild; next is { } child; next = child.NextSibling)
        {
            if (child.IsElement)
            {
                return false;
            }

            var text = child.Text.TrimStart();
            if (text.Length > 0)
            {
                return text.Length > 1 && text[0] == '<' && (char.IsAsciiLetter(text[1]) || text[1] is '/' or '!');
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a hidden element near the top holds three quarters of the page's text or more. No page shows a reader
    /// a mostly invisible page: such a wrapper hides the page only until a script runs (anti-flicker, a lock screen, a
    /// late render), so it is read, unless it is mostly links (a menu's drawer on a short page). Only the first levels
    /// are asked, which bounds the counting to a few passes.
    /// </summary>
    private bool HoldsMostOfPage(LiteNode element)
    {
        if (_top >= MaxRevealDepth)
        {
            return false;
        }

        if (_rootTextLength < 0)
        {
            _rootTextLength = _root.TextLength(IsUnread);
        }

        var length = element.TextLength(IsUnread);
        return _rootTextLength > 0 && length * 4L >= _rootTextLength * 3L && !IsMenu(element, length);
    }

    /// <summary>
    /// Whether a hidden element is read after all: on the second walk of a mostly hidden page
    /// (<see cref="MostlyHidden"/>) when a reader could be shown it; the first walk only notes it for that test.
    /// </summary>
    private bool Reveals(LiteNode element, string tag)
    {
        if (IsClosedDialog(element, tag))
        {
            return false;
        }

        if (!_revealHidden)
        {
            (_skippedHidden ??= []).Add(element);
            return false;
        }

        return RevealableLength(element) > 0;
    }

    /// <summary>The readable text of a hidden element a reader could be shown; 0 for a form's wrapper or a menu.</summary>
    private static int RevealableLength(LiteNode element)
    {
        var length = element.TextLength(IsUnread);
        return length == 0 || IsMostlyInside(element, length, "form", 0.5) || IsMenu(element, length) ? 0 : length;
    }

    /// <summary>
    /// Whether the walk left three quarters or more of the page's readable text unread in hidden elements a reader could
    /// be shown: a page saved before its scripts revealed it, whose content is lost if only what shows is read. The page
    /// is then walked again with those elements read, and the model judges them like the rest. Dialogs, forms and menus
    /// (hidden elements mostly of links), which no reader is shown as content, count on neither side.
    /// </summary>
    public bool MostlyHidden
    {
        get
        {
            if (_revealHidden || _skippedHidden is not { } skipped)
            {
                return false;
            }

            // All the hidden text bounds the revealable text from above: most pages are answered by it alone.
            long hidden = 0;
            foreach (var element in skipped)
            {
                hidden += element.TextLength();
            }

            if (hidden < MinRevealedTextLength || ShowsMoreThanAThirdOf(hidden))
            {
                return false;
            }

            hidden = 0;
            foreach (var element in skipped)
            {
                hidden += RevealableLength(element);
            }

            return hidden >= MinRevealedTextLength && !ShowsMoreThanAThirdOf(hidden);
        }
    }

    private bool ShowsMoreThanAThirdOf(long hidden)
    {
        long shown = 0;
        foreach (var block in _blocks)
        {
            shown += LiteNode.NonSpaceLength(block.Text);
            if (shown * 3 > hidden)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the walk never reads an element's subtree (scripts, media, form controls), so its text is not the page's.</summary>
    private static bool IsUnread(LiteNode element) => HtmlElementRoles.IsSkipped(element.LocalName);

    /// <summary>Whether an element is a dialog a script opens: a &lt;dialog&gt; without <c>open</c>, or a modal.</summary>
    private static bool IsClosedDialog(LiteNode element, string tag) =>
        (tag == "dialog" && !element.HasAttribute(LiteAttribute.Open)) || IsModal(element);

    /// <summary>
    /// Whether at least <paramref name="share"/> of an element's text (<paramref name="length"/> characters) sits in
    /// <paramref name="tag"/> elements. A hidden form waits for its step (sign-up, booking) and is no content.
    /// </summary>
    private static bool IsMostlyInside(LiteNode element, int length, string tag, double share) =>
        length - element.TextLength(node => IsUnread(node) || node.LocalName == tag) >= share * length;

    /// <summary>
    /// Whether a hidden element is a menu's drawer: four fifths of its text or more in links. A whole page, its own
    /// navigation included, rarely reaches that (a documentation page hidden whole has half its text in links).
    /// </summary>
    private static bool IsMenu(LiteNode element, int length) => IsMostlyInside(element, length, "a", 0.8);

    /// <summary>
    /// Whether an element is a modal dialog (<c>aria-modal="true"</c>): a script opens it over the page, as it opens a
    /// <c>&lt;dialog&gt;</c>, so in the served page it is closed. Privacy policies, size guides and sign-up forms wait
    /// there, and their prose would otherwise outweigh a short article.
    /// </summary>
    private static bool IsModal(LiteNode element) =>
        element.TryGetAttribute(LiteAttribute.AriaModal, out var modal) && modal.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Notes the ids a heading's toggle controls (<c>aria-controls</c> on a heading or inside one): WAI-ARIA's accordion
    /// puts each panel's button in a heading, so the panels it opens are content, however their class is named.
    /// Menus toggle from buttons outside headings.
    /// </summary>
    private void NoteHeadingPanels(LiteNode element, string tag)
    {
        if ((Current.Kind != BlockKind.Heading && HtmlElementRoles.HeadingLevel(tag) == 0)
            || !element.TryGetAttribute(LiteAttribute.AriaControls, out var controls))
        {
            return;
        }

        _headingPanels ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in controls.Split(' '))
        {
            if (controls[range].Trim() is { Length: > 0 } id && _headingPanels.Count < MaxHeadingPanels)
            {
                _headingPanels.Add(id.ToString());
            }
        }
    }

    /// <summary>Whether a hidden element is a panel a heading's toggle opens (<see cref="NoteHeadingPanels"/>).</summary>
    private bool IsHeadingPanel(LiteNode element) =>
        _headingPanels is { } panels
        && element.TryGetAttribute(LiteAttribute.Id, out var id)
        && panels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(id.Trim());

    /// <summary>Words in a class, id or role that name a collapsed panel (<see cref="IsCollapsedPanel"/>).</summary>
    private static readonly string[] CollapsedPanelWords =
        ["accordion", "collaps", "faq", "answer", "panel", "tab-pane", "tabpane", "tab-content", "tabcontent", "expand", "reveal"];

    private static bool IsHidden(LiteNode element, string tag)
    {
        if (!element.HasAttributes)
        {
            return tag == "dialog";
        }

        if (IsClosedDialog(element, tag))
        {
            return true;
        }

        var hidden = element.HasAttribute(LiteAttribute.Hidden)
            || (element.TryGetAttribute(LiteAttribute.AriaHidden, out var ariaHidden) && ariaHidden.Equals("true", StringComparison.OrdinalIgnoreCase)
                && !IsRedundantLink(element, tag))
            || (element.TryGetAttribute(LiteAttribute.Style, out var style) && StyleHides(style));
        return hidden && !IsCollapsedPanel(element);
    }

    /// <summary>
    /// Whether an <c>aria-hidden</c> link is also taken out of the tab order (<c>tabindex="-1"</c>): only what a reader
    /// sees can take focus, so it is shown, hidden from screen readers as a repeat of the link beside it (a teaser's
    /// description under its headline).
    /// </summary>
    private static bool IsRedundantLink(LiteNode element, string tag) =>
        tag == "a" && element.TryGetAttribute(LiteAttribute.TabIndex, out var index) && index.Trim().SequenceEqual("-1");

    /// <summary>
    /// Whether a hidden element is a panel the reader opens (an accordion's or FAQ's answer, a tab): its text is the
    /// page's content, hidden only until clicked, so it is read like the rest; menus and dialogs stay hidden.
    /// </summary>
    private static bool IsCollapsedPanel(LiteNode element)
    {
        // hidden="until-found" is the platform's own collapsed panel: find-in-page and links open it.
        if (element.TryGetAttribute(LiteAttribute.Hidden, out var hidden) && hidden.Trim().Equals("until-found", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // WAI-ARIA's accordion pattern gives each panel role="region".
        if (element.TryGetAttribute(LiteAttribute.Role, out var role) && role.Trim().Equals("region", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var name in (ReadOnlySpan<LiteAttribute>)[LiteAttribute.Class, LiteAttribute.Id, LiteAttribute.Role])
        {
            if (element.TryGetAttribute(name, out var value))
            {
                foreach (var word in CollapsedPanelWords)
                {
                    if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool StyleHides(ReadOnlySpan<char> style)
    {
        Span<char> compact = stackalloc char[256];
        var length = 0;
        foreach (var c in style)
        {
            if (!char.IsWhiteSpace(c))
            {
                if (length == compact.Length)
                {
                    break;
                }

                compact[length++] = char.ToLowerInvariant(c);
            }
        }

        var css = compact[..length];
        return css.Contains("display:none", StringComparison.Ordinal)
            || css.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    /// <summary>Walk state for one open element; frames are reused as the stack grows and shrinks.</summary>
    private sealed class Frame
    {
        private LiteNode _element;
        private string[]? _tokens;

        public LiteNode? Next { get; set; }

        public string Tag { get; private set; } = string.Empty;

        public ElementRole Role { get; private set; }

        public BlockKind Kind { get; set; }

        public int Level { get; set; }

        public bool Ordered { get; set; }

        public string? CodeLanguage { get; set; }

        public int ListDepth { get; set; }

        public bool ListOrdered { get; set; }

        public int ContainerId { get; set; }

        /// <summary>This element as blocks see it, once one of them needed it.</summary>
        public DomElement? Element { get; set; }

        public bool InLink { get; private set; }

        public bool InTableHead { get; set; }

        /// <summary>Descendants add to this frame's block without boundaries (pre, data rows).</summary>
        public bool Flat { get; set; }

        public bool Preserve { get; set; }

        public bool Row { get; set; }

        public bool AllHeaderCells { get; set; }

        /// <summary>For a link, emphasis or code element: the run holding its span, that run's generation and the span's index.</summary>
        public TextRun? SpanRun { get; set; }

        public int SpanGeneration { get; set; }

        public int SpanIndex { get; set; }

        public string[] TokensFrom(AttributeTokens tokenizer) => _tokens ??= tokenizer.Of(_element);

        /// <summary>Ancestor tags of this frame's children, once one of them needed it.</summary>
        public string? ChildAncestorTags { get; set; }

        /// <summary>Class and id tokens of this frame and its ancestors, once a block needed them.</summary>
        public string? AttributeTokens { get; set; }

        /// <summary>The last child's own token array that <see cref="ChildTokens"/> was joined for.</summary>
        public string[]? ChildTokensFrom { get; set; }

        /// <summary>The last child's joined class and id tokens (its own and this frame's ancestors').</summary>
        public string? ChildTokens { get; set; }

        public void Reset(LiteNode element, ElementRole role, Frame? parent)
        {
            _element = element;
            _tokens = null;
            SpanRun = null;
            ChildAncestorTags = null;
            AttributeTokens = null;
            ChildTokensFrom = null;
            ChildTokens = null;
            Element = null;
            Next = element.FirstChild;
            Tag = element.LocalName;
            Role = role;
            InLink = (parent?.InLink ?? false) || Tag == "a";
            Kind = parent?.Kind ?? BlockKind.Paragraph;
            Level = parent?.Level ?? 0;
            Ordered = parent?.Ordered ?? false;
            CodeLanguage = parent?.CodeLanguage;
            ListDepth = parent?.ListDepth ?? 0;
            ListOrdered = parent?.ListOrdered ?? false;
            ContainerId = parent?.ContainerId ?? 0;
            InTableHead = parent?.InTableHead ?? false;
            Flat = parent?.Flat ?? false;
            Preserve = parent?.Preserve ?? false;
            Row = false;
            AllHeaderCells = false;
        }
    }
}
