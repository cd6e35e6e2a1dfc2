using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Boilerplate.Testing;

namespace Boilerplate.Service.Tests;

/// <summary>The seed article (the copy of shared/examples/seed-article.txt in Boilerplate.Testing) and its parts, as the acceptance tests expect them.</summary>
internal static class SeedPage
{
    private static readonly Lazy<string[]> Paragraphs = new(() =>
        SeedArticle.Text
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

    /// <summary>
    /// Whether <paramref name="repaired"/> is <paramref name="damaged"/> (a seed paragraph, whose scraper turned each
    /// non-ASCII character into underscores) with every underscore run filled by non-ASCII characters and nothing else
    /// changed: how the default AUTO repair must return the seed's paragraphs, without the test fixing the guesses.
    /// </summary>
    public static bool IsRepairOf(string damaged, string repaired)
    {
        var pattern = "^" + string.Concat(Regex.Split(damaged, "(_+)").Select(part =>
            part.StartsWith('_') ? "[^\\x00-\\x7F]+" : Regex.Escape(part))) + "$";
        return Regex.IsMatch(repaired, pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    /// <summary>Whether <paramref name="text"/> holds a repaired <paramref name="damaged"/> as one of its blank-line-separated paragraphs.</summary>
    public static bool ContainsRepairOf(string text, string damaged) =>
        text.Split("\n\n").Any(paragraph => IsRepairOf(damaged, paragraph));

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
