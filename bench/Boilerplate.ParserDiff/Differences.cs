namespace Boilerplate.ParserDiff;

/// <summary>Names a first tree difference by the rule that most likely made it, so that pages group into kinds.</summary>
internal static class Differences
{
    /// <summary>The builder's depth cap (<c>SegmentationLimits.MaxDepth</c>) counted from &lt;html&gt;; body children are depth 1 here.</summary>
    private const int DepthCap = 512 - 2;

    /// <summary>The formatting elements of the HTML standard: the ones browsers reopen after a misnesting.</summary>
    private static readonly HashSet<string> Formatting =
        ["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];

    private static readonly HashSet<string> TableParts =
        ["table", "caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th"];

    /// <summary>The kind of the difference at <paramref name="i"/>.</summary>
    /// <param name="ours">Our builder's elements.</param>
    /// <param name="angle">AngleSharp's elements.</param>
    /// <param name="i">The first index where they differ.</param>
    /// <param name="streamed">The page has React streamed segments, which ours moves into their placeholders.</param>
    /// <param name="shadowRoots">The page has declarative shadow roots (<c>&lt;template shadowrootmode&gt;</c>).</param>
    public static string Classify(IReadOnlyList<ElementAt> ours, IReadOnlyList<ElementAt> angle, int i, bool streamed, bool shadowRoots)
    {
        var oTag = i < ours.Count ? ours[i].Tag : null;
        var aTag = i < angle.Count ? angle[i].Tag : null;
        if (streamed && (oTag == "template" || aTag == "template"))
        {
            return "React streamed segment moved into its placeholder by ours (StreamedSegments)";
        }

        if (shadowRoots && oTag == "template")
        {
            return "declarative shadow root: ours keeps the <template> in the tree, AngleSharp attaches it as a shadow root";
        }

        if (i >= ours.Count)
        {
            return $"AngleSharp has more elements at the end: <{angle[i].Tag}>";
        }

        if (i >= angle.Count)
        {
            return $"ours has more elements at the end: <{ours[i].Tag}>";
        }

        var (o, a) = (ours[i], angle[i]);
        if (Math.Max(o.Depth, a.Depth) >= DepthCap)
        {
            return "depth cap";
        }

        var extraInAngle = i + 1 < angle.Count && angle[i + 1].Tag == o.Tag;
        var extraInOurs = i + 1 < ours.Count && ours[i + 1].Tag == a.Tag;
        var oParent = Parent(ours, i);
        var aParent = Parent(angle, i);
        if (o.Tag == "col" && a.Tag == "col" && aParent == "colgroup" && i > 0 && ours[i - 1] == new ElementAt(o.Depth, "colgroup"))
        {
            return "<col> of an explicit <colgroup> attached to the <table> by ours";
        }

        if (o.Tag == a.Tag && aParent == "colgroup" && oParent != "colgroup")
        {
            return "implied <colgroup> added by AngleSharp";
        }

        if (o.Tag == a.Tag && aParent is not null && Formatting.Contains(aParent) && oParent != aParent)
        {
            return $"formatting element reopened by AngleSharp: <{aParent}>";
        }

        if (o.Tag == a.Tag && a.Depth > o.Depth && PathAt(angle, i).Contains("form>", StringComparison.Ordinal)
            && !PathAt(ours, i).Contains("form>", StringComparison.Ordinal))
        {
            return "</form> leaves the form's open children open in AngleSharp, ours closes them";
        }

        if (o.Tag == a.Tag)
        {
            var inTable = InTable(ours, i) || InTable(angle, i);
            return $"same <{o.Tag}> at another depth{(inTable ? " (in a table)" : string.Empty)}";
        }

        if (Formatting.Contains(a.Tag))
        {
            return $"formatting element reopened by AngleSharp: <{a.Tag}>";
        }

        if (extraInAngle)
        {
            return $"extra element in AngleSharp: <{a.Tag}>";
        }

        if (extraInOurs)
        {
            return $"extra element in ours: <{o.Tag}>";
        }

        return $"ours <{o.Tag}> where AngleSharp has <{a.Tag}>";
    }

    /// <summary>The element at <paramref name="i"/> with its ancestors, e.g. "div>p>b".</summary>
    public static string PathAt(IReadOnlyList<ElementAt> elements, int i)
    {
        if (i >= elements.Count)
        {
            return "(end)";
        }

        var path = new List<string> { elements[i].Tag };
        var depth = elements[i].Depth;
        for (var j = i - 1; j >= 0 && depth > 1; j--)
        {
            if (elements[j].Depth == depth - 1)
            {
                path.Add(elements[j].Tag);
                depth--;
            }
        }

        path.Reverse();
        return $"{string.Join('>', path)} (depth {elements[i].Depth})";
    }

    private static string? Parent(IReadOnlyList<ElementAt> elements, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (elements[j].Depth == elements[i].Depth - 1)
            {
                return elements[j].Tag;
            }
        }

        return null;
    }

    private static bool InTable(IReadOnlyList<ElementAt> elements, int i)
    {
        if (i >= elements.Count)
        {
            return false;
        }

        var depth = elements[i].Depth;
        for (var j = i - 1; j >= 0 && depth > 1; j--)
        {
            if (elements[j].Depth == depth - 1)
            {
                if (TableParts.Contains(elements[j].Tag))
                {
                    return true;
                }

                depth--;
            }
        }

        return false;
    }
}
