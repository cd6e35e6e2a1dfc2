using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AngleSharp.Html.Parser;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Segmentation;
using Boilerplate.Core.Segmentation.Html;
using Boilerplate.Training;

namespace Boilerplate.ParserDiff;

/// <summary>
/// Differential check of <see cref="LiteTreeBuilder"/> against AngleSharp (a conforming HTML5 parser, scripting off)
/// on every page of the default corpora: the body's element tree as (depth, tag) in document order and its visible
/// text. Both sides are normalised the same way, removing only what the builder deliberately does not keep
/// (<see cref="Flattened"/>): attributes, comments, template contents, the text of script and style, and element
/// namespaces and case; the text is whitespace-collapsed. Prints a summary (identical trees and texts, the most common
/// kinds of first difference, the slowest pages); <c>--json FILE</c> writes the per-page results.
/// </summary>
/// <remarks>
/// Usage: <c>dotnet run --project bench/Boilerplate.ParserDiff -c Release -- [--datasets DIR] [--json FILE] [--max-pages N]</c>;
/// <c>--show CORPUS/ID</c> prints both element sequences around one page's first difference.
/// Differences the builder makes on purpose (docs/model.md) show up here as their own kinds; the tool names them
/// and does not hide them, so the table says how often each deliberate choice matters on real pages.
/// </remarks>
internal static class Program
{
    private static int Main(string[] args)
    {
        string? datasets = null;
        string? json = null;
        var maxPages = int.MaxValue;
        string? show = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--datasets" when i + 1 < args.Length:
                    datasets = args[++i];
                    break;
                case "--json" when i + 1 < args.Length:
                    json = args[++i];
                    break;
                case "--show" when i + 1 < args.Length:
                    show = args[++i];
                    break;
                case "--max-pages" when i + 1 < args.Length:
                    maxPages = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: Boilerplate.ParserDiff [--datasets DIR] [--json FILE] [--max-pages N] [--show CORPUS/ID]");
                    return 2;
            }
        }

        var root = LabelledDataset.ResolveDatasetsDirectory(datasets);
        var pages = LabelledDataset.DefaultCorpora
            .SelectMany(name => LabelledDataset.Load(Path.Combine(root, name)).Pages)
            .Take(maxPages)
            .ToList();
        if (show is not null)
        {
            Show(pages.Single(p => p.Key == show).ReadHtml(), Console.Out);
            return 0;
        }

        // Untimed pass over a few pages so the JIT does not land on the first pages' times.
        foreach (var page in pages.Take(20))
        {
            Compare(page, page.ReadHtml());
        }

        var results = new List<PageResult>(pages.Count);
        var clock = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            results.Add(Compare(page, page.ReadHtml()));
        }

        Report.Print(results, clock.Elapsed, Console.Out);
        if (json is not null)
        {
            File.WriteAllText(json, JsonSerializer.Serialize(results, ResultJson.Default.ListPageResult));
        }

        return 0;
    }

    private static PageResult Compare(LabelledPage page, string html)
    {
        // Times cover parsing only, not the flattening both sides get.
        var watch = Stopwatch.StartNew();
        Flattened? ours = null;
        var oursMs = 0.0;
        try
        {
            using var document = LiteTreeBuilder.Parse(html, SegmentationLimits.Default, CancellationToken.None);
            oursMs = watch.Elapsed.TotalMilliseconds;
            ours = Flattened.Of(document);
        }
        catch (PageRejectedException)
        {
            oursMs = watch.Elapsed.TotalMilliseconds;
        }

        watch.Restart();
        using var angleDocument = new HtmlParser().ParseDocument(html);
        var angleMs = watch.Elapsed.TotalMilliseconds;
        var angle = Flattened.Of(angleDocument);
        if (ours is null)
        {
            return new PageResult(page.Corpus, page.Id, html.Length, false, 0, angle.Elements.Count, -1, "rejected by ours (limits)",
                null, null, false, angle.Text.Length, 0, angle.Text.Length, null, null, angle.ShadowText.Length, oursMs, angleMs);
        }

        var first = FirstDifference(ours.Elements, angle.Elements);
        var (textDiff, oursSnippet, angleSnippet) = TextDifference(ours.Text, angle.Text);
        return new PageResult(
            page.Corpus, page.Id, html.Length, first < 0, ours.Elements.Count, angle.Elements.Count, first,
            first < 0 ? null : Differences.Classify(ours.Elements, angle.Elements, first, Streamed(html), ShadowRoots(html)),
            first < 0 ? null : Differences.PathAt(ours.Elements, first),
            first < 0 ? null : Differences.PathAt(angle.Elements, first),
            textDiff == 0, textDiff, ours.Text.Length, angle.Text.Length, oursSnippet, angleSnippet, angle.ShadowText.Length, oursMs, angleMs);
    }

    private static bool Streamed(string html) => html.Contains("id=\"S:", StringComparison.Ordinal);

    private static bool ShadowRoots(string html) => html.Contains("shadowrootmode", StringComparison.OrdinalIgnoreCase);

    /// <summary>Prints both element sequences around their first difference, to check a kind by hand.</summary>
    private static void Show(string html, TextWriter output)
    {
        using var document = LiteTreeBuilder.Parse(html, SegmentationLimits.Default, CancellationToken.None);
        var ours = Flattened.Of(document);
        using var angleDocument = new HtmlParser().ParseDocument(html);
        var angle = Flattened.Of(angleDocument);
        var first = FirstDifference(ours.Elements, angle.Elements);
        output.WriteLine(first < 0 ? "trees identical" : Differences.Classify(ours.Elements, angle.Elements, first, Streamed(html), ShadowRoots(html)));
        for (var i = Math.Max(0, first - 8); first >= 0 && i < first + 8; i++)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{i,6} {(i < ours.Elements.Count ? Differences.PathAt(ours.Elements, i) : string.Empty),-60} | {(i < angle.Elements.Count ? Differences.PathAt(angle.Elements, i) : string.Empty)}"));
        }
    }

    /// <summary>The first index where the (depth, tag) sequences differ, or -1 when they are identical.</summary>
    private static int FirstDifference(IReadOnlyList<ElementAt> ours, IReadOnlyList<ElementAt> angle)
    {
        var common = Math.Min(ours.Count, angle.Count);
        for (var i = 0; i < common; i++)
        {
            if (ours[i] != angle[i])
            {
                return i;
            }
        }

        return ours.Count == angle.Count ? -1 : common;
    }

    /// <summary>
    /// The length of the differing middle once the common prefix and suffix are removed (the longer side's), an upper
    /// bound on the character edit distance, with a few characters of each side where they first differ.
    /// </summary>
    private static (int Chars, string? Ours, string? Angle) TextDifference(string ours, string angle)
    {
        var prefix = 0;
        var limit = Math.Min(ours.Length, angle.Length);
        while (prefix < limit && ours[prefix] == angle[prefix])
        {
            prefix++;
        }

        if (prefix == ours.Length && prefix == angle.Length)
        {
            return (0, null, null);
        }

        var suffix = 0;
        while (suffix < limit - prefix && ours[^(suffix + 1)] == angle[^(suffix + 1)])
        {
            suffix++;
        }

        var chars = Math.Max(ours.Length - prefix - suffix, angle.Length - prefix - suffix);
        return (chars, Snippet(ours, prefix), Snippet(angle, prefix));
    }

    private static string Snippet(string text, int at)
    {
        var start = Math.Max(0, at - 30);
        return text.Substring(start, Math.Min(text.Length, at + 50) - start);
    }
}

/// <summary>One page's comparison; paths and kinds are null where the trees agree.</summary>
internal sealed record PageResult(
    string Corpus,
    string Id,
    int Chars,
    bool TreeIdentical,
    int OursElements,
    int AngleSharpElements,
    int FirstDifferenceIndex,
    string? Kind,
    string? OursPath,
    string? AngleSharpPath,
    bool TextIdentical,
    int TextDifferingChars,
    int OursTextChars,
    int AngleSharpTextChars,
    string? OursTextAt,
    string? AngleSharpTextAt,
    int AngleSharpShadowTextChars,
    double OursMs,
    double AngleSharpMs);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<PageResult>))]
internal sealed partial class ResultJson : JsonSerializerContext;
