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
    public static string Classify(IReadOnlyList<ElementAt> ours, IReadOnlyList<ElementAt> angle, int i)
    {
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
        if (o.Tag == a.Tag)
        {
            var inTable = InTable(ours, i) || InTable(angle, i);
            return $"same <{o.Tag}> at another depth{(inTable ? " (in a table)" : string.Empty)}";
        }

        if (extraInAngle && Formatting.Contains(a.Tag))
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
