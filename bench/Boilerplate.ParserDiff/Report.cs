using System.Globalization;

namespace Boilerplate.ParserDiff;

/// <summary>Prints the summary of a run as Markdown.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<PageResult> results, TimeSpan elapsed, TextWriter output)
    {
        void Line(FormattableString line) => output.WriteLine(line.ToString(CultureInfo.InvariantCulture));

        var n = results.Count;
        Line( $"# Parser diff: LiteTreeBuilder vs AngleSharp ({n:N0} pages, {elapsed.TotalSeconds:F1} s)");
        output.WriteLine();
        output.WriteLine("| corpus | pages | identical trees | identical text | text chars differing (of AngleSharp's) | ours ms (sum) | AngleSharp ms (sum) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Corpus).Append(results.GroupBy(_ => "all").Single()))
        {
            var count = group.Count();
            var trees = group.Count(r => r.TreeIdentical);
            var texts = group.Count(r => r.TextIdentical);
            Line(
                $"| {group.Key} | {count:N0} | {trees:N0} ({100.0 * trees / count:F1}%) | {texts:N0} ({100.0 * texts / count:F1}%) | {group.Sum(r => (long)r.TextDifferingChars):N0} of {group.Sum(r => (long)r.AngleSharpTextChars):N0} | {group.Sum(r => r.OursMs):N0} | {group.Sum(r => r.AngleSharpMs):N0} |");
        }

        var shadowPages = results.Where(r => r.AngleSharpShadowTextChars > 0).ToList();
        Line($"\nText inside declarative shadow roots (shown by browsers, dropped by ours with template contents, left out of the text above): {shadowPages.Count:N0} pages, {shadowPages.Sum(r => (long)r.AngleSharpShadowTextChars):N0} characters.");
        output.WriteLine();
        output.WriteLine("## Top first-difference kinds");
        output.WriteLine();
        output.WriteLine("| kind | pages | of which text differs | example |");
        output.WriteLine("|---|---:|---:|---|");
        foreach (var kind in results.Where(r => r.Kind is not null).GroupBy(r => r.Kind!)
                     .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10))
        {
            var example = kind.First();
            Line(
                $"| {Escape(kind.Key)} | {kind.Count():N0} | {kind.Count(r => !r.TextIdentical):N0} | {example.Corpus}/{example.Id}: ours `{example.OursPath}`, AngleSharp `{example.AngleSharpPath}` |");
        }

        output.WriteLine();
        output.WriteLine("## Largest text differences");
        output.WriteLine();
        output.WriteLine("| page | chars differing | ours | AngleSharp |");
        output.WriteLine("|---|---:|---|---|");
        foreach (var r in results.Where(r => !r.TextIdentical).OrderByDescending(r => r.TextDifferingChars).Take(10))
        {
            Line(
                $"| {r.Corpus}/{r.Id} | {r.TextDifferingChars:N0} | {Escape(r.OursTextAt)} | {Escape(r.AngleSharpTextAt)} |");
        }

        output.WriteLine();
        output.WriteLine("## Slowest pages (by the slower parser)");
        output.WriteLine();
        output.WriteLine("| page | chars | ours ms | AngleSharp ms |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var r in results.OrderByDescending(r => Math.Max(r.OursMs, r.AngleSharpMs)).Take(10))
        {
            Line( $"| {r.Corpus}/{r.Id} | {r.Chars:N0} | {r.OursMs:F1} | {r.AngleSharpMs:F1} |");
        }
    }

    private static string Escape(string? text) =>
        text is null ? string.Empty : text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
