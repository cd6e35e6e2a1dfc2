using System.Text;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Cleaning;

/// <summary>Where the article's title goes in Markdown and HTML output.</summary>
public enum TitlePlacement
{
    /// <summary>No title: the page has none.</summary>
    None,

    /// <summary>The first kept block says the title: it is rendered as the title heading, not repeated.</summary>
    FirstBlock,

    /// <summary>The title leads as a heading of its own (the page's headline was not kept, as on the seed page).</summary>
    Prepended,
}

/// <summary>
/// The article's title heading: output starts with the page title (what <see cref="CleanResult.Title"/> says) as a
/// heading, once. When the first kept block has the title's text it becomes that heading; else the title is
/// prepended.
/// </summary>
public static class ArticleTitle
{
    /// <summary>Longest title rendered; a longer one is cut (the page's own title element is capped the same way).</summary>
    public const int MaxChars = 1000;

    /// <summary>Where <paramref name="title"/> goes before <paramref name="blocks"/>.</summary>
    public static TitlePlacement Of(IReadOnlyList<Block> blocks, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return TitlePlacement.None;
        }

        return blocks.Count > 0 && blocks[0].Kind is BlockKind.Heading or BlockKind.Paragraph or BlockKind.Other
            && Same(blocks[0].Text, title)
            ? TitlePlacement.FirstBlock
            : TitlePlacement.Prepended;
    }

    /// <summary>The title's whitespace collapsed and cut at <see cref="MaxChars"/>.</summary>
    public static string Collapse(string title)
    {
        var builder = new StringBuilder(Math.Min(title.Length, MaxChars));
        foreach (var word in title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length + word.Length + 1 > MaxChars)
            {
                break;
            }

            builder.Append(builder.Length > 0 ? " " : string.Empty).Append(word);
        }

        return builder.ToString();
    }

    /// <summary>Whether a block's <paramref name="text"/> is the page's <paramref name="title"/> (whitespace and case aside); never for an empty title.</summary>
    public static bool Says(string text, string? title) => !string.IsNullOrWhiteSpace(title) && Same(text, title);

    private static bool Same(string text, string title) =>
        string.Equals(Collapse(text), Collapse(title), StringComparison.OrdinalIgnoreCase);
}
