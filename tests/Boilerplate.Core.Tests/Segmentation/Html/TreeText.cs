using System.Text;
using Boilerplate.Core.Segmentation;
using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Tests.Segmentation.Html;

/// <summary>Renders a parsed tree as tags and text, to compare whole trees in tests.</summary>
internal static class TreeText
{
    /// <summary>The body's content as tags and text, e.g. "&lt;p&gt;a&lt;/p&gt;", to compare whole trees.</summary>
    public static string Body(string html, SegmentationLimits? limits = null)
    {
        using var document = LiteTreeBuilder.Parse(html, limits ?? SegmentationLimits.Default, CancellationToken.None);
        return Render(document.Body!.Value);
    }

    public static string Render(LiteNode root)
    {
        var output = new StringBuilder();
        var stack = new Stack<(LiteNode? Next, string? Close)>();
        stack.Push((root.FirstChild, null));
        while (stack.Count > 0)
        {
            var (next, close) = stack.Pop();
            if (next is not { } node)
            {
                output.Append(close);
                continue;
            }

            stack.Push((node.NextSibling, close));
            if (!node.IsElement)
            {
                output.Append(node.Text);
                continue;
            }

            output.Append('<').Append(node.LocalName).Append('>');
            if (!HtmlTags.Void.Contains(node.LocalName))
            {
                stack.Push((node.FirstChild, $"</{node.LocalName}>"));
            }
        }

        return output.ToString();
    }
}
