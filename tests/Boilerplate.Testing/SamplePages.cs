using System.Text;

namespace Boilerplate.Testing;

/// <summary>Generated pages for size, load and robustness tests.</summary>
public static class SamplePages
{
    private static readonly string[] Sentences =
    [
        "The council approved the new cycle lanes after a long debate about parking on the high street.",
        "Researchers at the university measured how quickly the glacier retreated over the past twenty summers.",
        "Local bakers say the price of flour has doubled since the harvest failed across the region last year.",
        "The museum will lend three paintings to a gallery abroad while its own roof is repaired this winter.",
        "Commuters faced delays of up to an hour after a signal failure outside the main station this morning.",
    ];

    /// <summary>An article page of <paramref name="paragraphs"/> paragraphs with a menu and a footer.</summary>
    public static string Article(int paragraphs, int seed = 0)
    {
        var html = new StringBuilder("<html><head><title>Article ").Append(seed).Append("</title></head><body>")
            .Append("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/contact\">Contact</a></li></ul></nav>")
            .Append("<article><h1>Article ").Append(seed).Append("</h1>");
        for (var i = 0; i < paragraphs; i++)
        {
            html.Append("<p>").Append(Sentences[(i + seed) % Sentences.Length]).Append(' ')
                .Append(Sentences[(i + seed + 2) % Sentences.Length]).Append(" (").Append(seed).Append('.').Append(i).Append(")</p>");
        }

        return html.Append("</article><footer><p>Copyright 2025. All rights reserved. Privacy policy and cookie settings.</p></footer></body></html>")
            .ToString();
    }

    /// <summary>An article holding one table of a header row and <paramref name="rows"/> data rows of three cells.</summary>
    public static string Table(int rows)
    {
        var html = new StringBuilder("<html><head><title>Station readings</title></head><body><article><h1>Station readings</h1>")
            .Append("<p>The figures below list the measurements taken over the year at each station.</p>")
            .Append("<table><tr><th>Station</th><th>Value</th><th>Note</th></tr>");
        for (var i = 0; i < rows; i++)
        {
            html.Append("<tr><td>Station ").Append(i).Append("</td><td>").Append(i * 7 % 1000).Append("</td><td>measured in the morning</td></tr>");
        }

        return html.Append("</table></article></body></html>").ToString();
    }

    /// <summary>Pages built to hurt a parser: deep nesting, huge attributes, unclosed tags, a flood of elements.</summary>
    public static IEnumerable<(string Name, string Html)> Hostile()
    {
        yield return ("deep nesting", string.Concat(Enumerable.Repeat("<div>", 200_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 200_000)));
        yield return ("unclosed tags", "<p>" + string.Concat(Enumerable.Repeat("<b><i><span>text ", 50_000)));
        yield return ("huge attribute", "<div class=\"" + new string('a', 2_000_000) + "\">text</div>");
        yield return ("element flood", string.Concat(Enumerable.Repeat("<br>", 1_500_000)));
        yield return ("table soup", "<table>" + string.Concat(Enumerable.Repeat("<tr><td><table><tr><td>x", 20_000)));
    }
}
