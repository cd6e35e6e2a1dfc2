namespace Boilerplate.Core.Segmentation.Html;

/// <summary>
/// Puts content that React streamed late where the browser shows it. Streaming server rendering (React 18+, Next.js)
/// sends a placeholder (<c>&lt;template id="B:0"&gt;</c> and a fallback, or <c>&lt;template id="P:0"&gt;</c>) and,
/// once the content is ready, the content in <c>&lt;div hidden id="S:0"&gt;</c> at the end of the body with a script
/// call (<c>$RC("B:0","S:0")</c>, <c>$RS("S:0","P:0")</c>) that moves it in. Without this the segmenter sees the
/// article as hidden and drops it.
/// </summary>
/// <remarks>
/// The page's scripts name the moves; where a page was saved without them, a segment fills the placeholder of its
/// number. A move is made only between a hidden <c>S:</c> div and a template that is not inside it, so a page cannot
/// build a cycle, and only where the moved content stays within the parser's depth cap; a completed boundary also
/// loses its fallback, up to the boundary's closing <c>&lt;!--/$--&gt;</c>. Work is linear in the source and the nodes, and at most <see cref="MaxMoves"/> moves.
/// </remarks>
internal static class StreamedSegments
{
    /// <summary>Most moves made on one page.</summary>
    public const int MaxMoves = 1024;

    /// <summary>Makes the moves; a page without streamed segments costs one search.</summary>
    public static void Resolve(LiteDocument document, int maxDepth)
    {
        var source = document.Source;
        if (!source.Contains("id=\"S:", StringComparison.Ordinal))
        {
            return;
        }

        var templates = new Dictionary<string, int>(StringComparer.Ordinal);
        var segments = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < document.NodeCount; i++)
        {
            var node = new LiteNode(document, i);
            if (!node.IsElement || !node.TryGetAttribute(LiteAttribute.Id, out var id) || id.Length < 3 || id[1] != ':')
            {
                continue;
            }

            if (node.LocalName == "template" && id[0] is 'B' or 'P')
            {
                templates.TryAdd(id.ToString(), i);
            }
            else if (node.LocalName == "div" && id[0] == 'S' && node.HasAttribute(LiteAttribute.Hidden))
            {
                segments.TryAdd(id.ToString(), i);
            }
        }

        // Pages saved without their scripts still hold the segments: React numbers a segment and the placeholder it
        // fills alike (S:n fills P:n), and a boundary's content is usually the segment of its number.
        var moves = ReadMoves(source);
        var named = moves.Select(move => move.Segment).ToHashSet(StringComparer.Ordinal);
        foreach (var segment in segments.Keys)
        {
            if (moves.Count >= MaxMoves)
            {
                break;
            }

            if (!named.Contains(segment))
            {
                var number = segment.AsSpan(1);
                var placeholder = templates.ContainsKey(string.Concat("P", number)) ? string.Concat("P", number) : string.Concat("B", number);
                moves.Add((placeholder, segment));
            }
        }

        // Fallbacks go first, while every boundary's comments still sit beside its template as parsed.
        var pairs = new List<(int Template, int Content)>();
        foreach (var (placeholder, segment) in moves)
        {
            if (segments.Remove(segment, out var content) && templates.Remove(placeholder, out var template))
            {
                if (placeholder[0] == 'B')
                {
                    RemoveFallback(document, template);
                }

                pairs.Add((template, content));
            }
        }

        // A move may not take the tree past the parser's depth cap, and the checks may visit each node a few times.
        var budget = 4L * document.NodeCount;
        foreach (var (template, content) in pairs)
        {
            if (document.Nodes[template].Parent != LiteDocument.None
                && !IsInside(document, template, content)
                && FitsBelow(document, content, maxDepth - Depth(document, template), ref budget))
            {
                MoveInto(document, content, template);
            }
        }
    }

    private static int Depth(LiteDocument document, int node)
    {
        var depth = 0;
        for (var i = document.Nodes[node].Parent; i != LiteDocument.None; i = document.Nodes[i].Parent)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>Whether the descendants of <paramref name="content"/> reach no deeper than <paramref name="room"/> levels.</summary>
    private static bool FitsBelow(LiteDocument document, int content, int room, ref long budget)
    {
        var nodes = document.Nodes;
        var depth = 1;
        var node = nodes[content].FirstChild;
        while (node != LiteDocument.None)
        {
            if (--budget < 0 || depth > room)
            {
                return false;
            }

            if (nodes[node].Tag is not null && nodes[node].FirstChild != LiteDocument.None)
            {
                node = nodes[node].FirstChild;
                depth++;
                continue;
            }

            while (nodes[node].Next == LiteDocument.None)
            {
                node = nodes[node].Parent;
                depth--;
                if (node == content)
                {
                    return true;
                }
            }

            node = nodes[node].Next;
        }

        return true;
    }

    /// <summary>The (placeholder, segment) pairs of the page's <c>$RC</c>, <c>$RR</c> and <c>$RS</c> calls, in order.</summary>
    private static List<(string Placeholder, string Segment)> ReadMoves(string source)
    {
        var moves = new List<(string, string)>();
        var at = 0;
        while (moves.Count < MaxMoves && (at = source.IndexOf("$R", at, StringComparison.Ordinal)) >= 0)
        {
            at += 2;
            if (at + 2 >= source.Length || source[at] is not ('C' or 'R' or 'S') || source[at + 1] != '(')
            {
                continue;
            }

            var call = source[at];
            var span = source.AsSpan(at + 2);
            if (!TryReadId(ref span, out var first) || !span.StartsWith(",") || !TryReadId(ref span, out var second, skip: 1))
            {
                continue;
            }

            // $RC/$RR(boundary, segment) completes a boundary; $RS(segment, placeholder) fills a placeholder.
            if (call == 'S' && first.StartsWith("S:", StringComparison.Ordinal) && second.StartsWith("P:", StringComparison.Ordinal))
            {
                moves.Add((second, first));
            }
            else if (call != 'S' && first.StartsWith("B:", StringComparison.Ordinal) && second.StartsWith("S:", StringComparison.Ordinal))
            {
                moves.Add((first, second));
            }
        }

        return moves;
    }

    /// <summary>Reads a short quoted id such as <c>"B:1a"</c> after <paramref name="skip"/> characters.</summary>
    private static bool TryReadId(ref ReadOnlySpan<char> span, out string id, int skip = 0)
    {
        id = string.Empty;
        span = span[skip..];
        if (span.Length < 2 || span[0] != '"')
        {
            return false;
        }

        var end = span[1..].IndexOf('"');
        if (end is < 3 or > 16)
        {
            return false;
        }

        id = span.Slice(1, end).ToString();
        span = span[(end + 2)..];
        return true;
    }

    private static bool IsInside(LiteDocument document, int node, int ancestor)
    {
        for (var i = node; i != LiteDocument.None; i = document.Nodes[i].Parent)
        {
            if (i == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Drops the siblings after a boundary's template up to the comment that closes the boundary.</summary>
    private static void RemoveFallback(LiteDocument document, int template)
    {
        var parent = document.Nodes[template].Parent;
        var markers = document.SuspenseMarkers;

        // The boundary opens with the marker read just before the template, in the same element.
        var open = -1;
        for (var m = 0; m < markers.Count; m++)
        {
            if (markers[m].Parent == parent && markers[m].Start && markers[m].After == document.Nodes[template].Previous)
            {
                open = m;
            }
        }

        if (open < 0)
        {
            return;
        }

        var depth = 0;
        for (var m = open; m < markers.Count; m++)
        {
            if (markers[m].Parent != parent)
            {
                continue;
            }

            depth += markers[m].Start ? 1 : -1;
            if (depth == 0)
            {
                var last = markers[m].After;
                if (last == template || !FollowsInOrder(document, template, last))
                {
                    return;
                }

                for (var node = document.Nodes[template].Next; node != LiteDocument.None;)
                {
                    var next = document.Nodes[node].Next;
                    document.Unlink(node);
                    if (node == last)
                    {
                        break;
                    }

                    node = next;
                }

                return;
            }
        }
    }

    private static bool FollowsInOrder(LiteDocument document, int first, int later)
    {
        for (var node = document.Nodes[first].Next; node != LiteDocument.None; node = document.Nodes[node].Next)
        {
            if (node == later)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves the children of <paramref name="content"/> to where <paramref name="template"/> is, then drops both.</summary>
    private static void MoveInto(LiteDocument document, int content, int template)
    {
        var parent = document.Nodes[template].Parent;
        for (var child = document.Nodes[content].FirstChild; child != LiteDocument.None;)
        {
            var next = document.Nodes[child].Next;
            document.Unlink(child);
            document.Link(parent, child, before: template);
            child = next;
        }

        document.Unlink(template);
        if (document.Nodes[content].Parent != LiteDocument.None)
        {
            document.Unlink(content);
        }
    }
}
