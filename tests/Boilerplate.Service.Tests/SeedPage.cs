using System.Net;
using System.Text;
using Boilerplate.Testing;

namespace Boilerplate.Service.Tests;

/// <summary>The seed article (shared/examples/seed-article.txt) and its parts, as the acceptance tests expect them.</summary>
internal static class SeedPage
{
    private static readonly Lazy<string[]> Paragraphs = new(() =>
        File.ReadAllText(SharedData.PathOf("examples", "seed-article.txt"))
            .Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Text => string.Join("\n\n", Paragraphs.Value);

    public static string Title => Paragraphs.Value[0];

    /// <summary>The first paragraph after the title: a teaser repeating the lead, cut off with "deep...".</summary>
    public static string Teaser => Paragraphs.Value[1];

    /// <summary>The article's paragraphs, lead included, up to the "Read More" link.</summary>
    public static IReadOnlyList<string> ArticleParagraphs =>
        Paragraphs.Value[2..Array.IndexOf(Paragraphs.Value, ReadMore)];

    public const string ReadMore = "Read More";

    public static string CookieBanner => Paragraphs.Value[^1];

    /// <summary>The same page wrapped in simple HTML: a title, an h1, one p per paragraph.</summary>
    public static string Html
    {
        get
        {
            var html = new StringBuilder()
                .Append("<html><head><title>").Append(WebUtility.HtmlEncode(Title)).Append("</title></head><body>")
                .Append("<h1>").Append(WebUtility.HtmlEncode(Title)).Append("</h1>");
            foreach (var paragraph in Paragraphs.Value.Skip(1))
            {
                html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
            }

            return html.Append("</body></html>").ToString();
        }
    }
}
