using System.Diagnostics;
using System.IO.Compression;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Segmentation;
using Boilerplate.Testing;
using Xunit.Abstractions;

namespace Boilerplate.Core.Tests.Cleaning;

public class DuplicateDetectorTests(ITestOutputHelper output)
{
    /// <summary>
    /// What finding duplicates costs, in bytes allocated (deterministic, unlike time), against the characters it reads:
    /// one rented index for the page, not a list per shingle (measured 2026-12-04: 2.5 bytes a character; 36 with a list per shingle).
    /// </summary>
    [Trait("Category", "Quality")]
    [Fact]
    public void Finding_duplicates_allocates_in_proportion_to_the_text()
    {
        var segmenter = new HtmlSegmenter(SegmentationLimits.Default);
        var pages = Directory.GetFiles(SharedData.PathOf("datasets", "readability-pages", "pages"), "*.html.gz").Order(StringComparer.Ordinal)
            .Select(path =>
            {
                using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
                return segmenter.Segment(reader.ReadToEnd(), "https://example.com/", CancellationToken.None).Blocks.Select(block => block.Text).ToList();
            })
            .ToList();
        var characters = pages.Sum(texts => texts.Sum(text => (long)text.Length));
        FindAll(pages);

        // The least of three runs: rented arrays that tests running beside this one took must be allocated anew.
        var found = 0;
        var bytes = Enumerable.Range(0, 3).Min(_ =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            found = FindAll(pages);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        });

        output.WriteLine($"{pages.Count} pages, {characters:N0} characters, {found} duplicates: {bytes:N0} bytes ({(double)bytes / characters:0.00} a character)");
        Assert.True(found > 0);
        Assert.True(bytes < 6 * characters, $"{bytes:N0} bytes for {characters:N0} characters");
    }

    private static int FindAll(List<List<string>> pages) =>
        pages.Sum(texts => DuplicateDetector.Find(texts, originals: null, samePlace: (_, _) => false).Count);

    [Fact]
    public void Teaser_after_the_full_paragraph_is_dropped_too()
    {
        string[] texts = ["One two three four five six seven eight nine ten.", "Other text entirely here.", "One two three four five six…"];
        Assert.Equal([2], DuplicateDetector.Find(texts));
    }

    [Fact]
    public void Ellipsis_paragraph_that_opens_nothing_else_is_kept()
    {
        string[] texts = ["And then there was silence...", "Something different follows after that pause."];
        Assert.Empty(DuplicateDetector.Find(texts));
    }

    [Fact]
    public void Short_lines_repeat_only_when_identical()
    {
        string[] texts = ["Read more", "Read less", "read more!"];
        Assert.Equal([2], DuplicateDetector.Find(texts));
    }

    [Fact]
    public void Dissimilar_paragraphs_sharing_phrases_are_kept()
    {
        string[] texts = ["The quick brown fox jumps over the lazy dog near the river bank today.", "The quick brown fox jumps over a sleeping cat in the garden at night."];
        Assert.Empty(DuplicateDetector.Find(texts));
    }

    [Fact]
    public void Thousands_of_identical_lines_stay_fast()
    {
        var texts = Enumerable.Repeat("Share this story on your favourite social network now please", 20_000).ToArray();
        var clock = Stopwatch.StartNew();
        var duplicates = DuplicateDetector.Find(texts);
        Assert.Equal(19_999, duplicates.Count);
        Assert.DoesNotContain(0, duplicates);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Only_originals_make_another_paragraph_a_duplicate()
    {
        const string full = "One two three four five six seven eight nine ten eleven twelve.";
        string[] texts = ["One two three four five...", full, full, "Menu item", "Menu item"];

        // The teaser and the later copy repeat a kept paragraph; the kept copy of a dropped "Menu item" stays.
        Assert.Equal([0, 2], DuplicateDetector.Find(texts, [false, true, false, false, true]).Order());

        // A kept paragraph is never lost to a dropped copy of it that comes first.
        Assert.Empty(DuplicateDetector.Find([full, full], [false, true]));
    }

    [Fact]
    public void A_repeat_in_the_same_place_of_the_markup_is_kept_and_one_elsewhere_is_dropped()
    {
        const string full = "Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat.";
        string[] texts = [full, "Something else said in between.", full, full];
        string[] placements = ["p|html body article div", "p|html body article div", "p|html body article div", "p|html body aside"];

        Assert.Equal([3], DuplicateDetector.Find(texts, originals: null, (i, other) => placements[i] == placements[other]));

        // Without markup (plain text in) there is no place to compare: every later repeat goes.
        Assert.Equal([2, 3], DuplicateDetector.Find(texts, originals: null, samePlace: null).Order());
    }
}
