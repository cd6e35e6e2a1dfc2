using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Features;

public sealed class FeatureExtractionTests
{
    private static readonly TextSegmenter Segmenter = new();

    [Fact]
    public void Hashes_are_stable_across_processes()
    {
        // FNV-1a of "w" over UTF-16 code units; a changed value would silently break every saved model.
        Assert.Equal(0x3F478202u, FeatureHasher.Namespace("w"));
        Assert.InRange(FeatureHasher.Index(FeatureHasher.Namespace("anything")), 0, FeatureSchema.SparseDimension - 1);
    }

    [Fact]
    public void First_stage_features_stay_those_the_default_model_learnt()
    {
        // Every feature of every block, as one hash taken before the extractor was made faster: a change here would
        // silently move every saved model's scores. The page mixes markup, scripts with and without case, digits,
        // runs of whitespace, dotted İ, final sigma and a letter outside the BMP (lower-cased as a pair, not alone).
        const string html = """
            <html><body><nav class="menu top-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News 2025</a></li></ul></nav>
            <article class="story"><h1>İSTANBUL ΣΟΦΟΣ 𐐀𐐨 Déjà   vu</h1><p>Prices rose 12.5% in 2024,  said   the
            ministry; “It wasn’t that long ago.”</p><p>北京欢迎你，今天天气很好。東京の天気は晴れです。</p>
            <p>Москва — СТОЛИЦА России. Ελλάδα ΟΔΟΣ.</p><table><tr><td>cell one</td><td>CELL TWO</td></tr></table></article>
            <footer><p class="legal">© 2025 Example Ltd. All rights reserved.</p></footer></body></html>
            """;
        var page = new PreparedPage(new HtmlSegmenter(SegmentationLimits.Default).Segment(html, "https://example.com/", CancellationToken.None));
        var text = new PreparedPage(Segmenter.Segment(string.Join("\n\n", page.Page.Blocks.Select(block => block.Text)), null));
        var extractor = new TextFeatureExtractor(FeatureGroups.All);
        var features = new SparseFeatures();
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var prepared in new[] { page, text })
        {
            for (var i = 0; i < prepared.Count; i++)
            {
                extractor.Extract(prepared, i, features);
                hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(features.Indices));
                hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(features.Values));
            }
        }

        Assert.True(page.Count >= 6 && text.Count >= 6);
        Assert.Equal("0B5CBCBF696384F4EFCE9C4126EAC77A22F0F5BEBB47EC43D43F64536CB0467D", Convert.ToHexString(hash.GetHashAndReset()));
    }

    [Fact]
    public void Unspaced_scripts_get_character_ngrams()
    {
        var page = new PreparedPage(Segmenter.FromParagraphs(["北京欢迎你，今天天气很好。"], null));
        var charsOnly = new SparseFeatures();
        new TextFeatureExtractor(FeatureGroups.CharNgrams).Extract(page, 0, charsOnly);
        // One 3-gram per character position of the padded text, plus the format flag.
        Assert.True(charsOnly.Count >= 12);
    }

    [Fact]
    public void Text_without_markup_has_a_no_markup_value_and_unit_length_groups()
    {
        var page = new PreparedPage(Segmenter.FromParagraphs(["Home", "A paragraph of body text that goes on."], null));
        var features = new SparseFeatures();
        new TextFeatureExtractor(FeatureGroups.Dom).Extract(page, 0, features);
        Assert.Equal(2, features.Count);
        Assert.Equal(1f, features.Values[1], 5);

        new TextFeatureExtractor(FeatureGroups.All).Extract(page, 1, features);
        var (indices, values) = features.ToSortedUnique();
        Assert.Equal(indices.Distinct().Count(), indices.Length);
        Assert.True(indices.Zip(indices.Skip(1)).All(pair => pair.First < pair.Second));
        Assert.Equal(values.Length, indices.Length);
    }

    [Fact]
    public void Context_features_mark_missing_neighbours_and_containers()
    {
        var page = new PreparedPage(Segmenter.FromParagraphs(["one", "two", "three"], null));
        var extractor = new ContextFeatureExtractor(FeatureGroups.All, 2);
        var firstStage = new float[] { 0.9f, 0.1f, 0.2f, 0.8f, 0.7f, 0.3f };
        var output = new float[3 * extractor.Dimension];

        extractor.Extract(page, firstStage, output);

        var first = output.AsSpan(0, extractor.Dimension);
        Assert.Equal([0.9f, 0.1f], first[..2].ToArray());
        Assert.Equal([-1f, -1f], first[2..4].ToArray());
        Assert.Equal([0.2f, 0.8f], first[4..6].ToArray());
        Assert.Throws<ArgumentException>(() => extractor.Extract(page, firstStage.AsSpan(0, 4), output));
    }

    [Fact]
    public void Distances_count_blocks_to_the_nearest_other_block_of_each_label_capped()
    {
        // 150 blocks, body (label 0) at 0.5 or more only at 10, 11 and 100: the two far sides of the page are past the cap.
        const int n = 150;
        var page = new PreparedPage(Segmenter.FromParagraphs(Enumerable.Range(0, n).Select(i => $"line {i}").ToList(), null));
        var extractor = new ContextFeatureExtractor(FeatureGroups.All, 2);
        var firstStage = new float[n * 2];
        for (var i = 0; i < n; i++)
        {
            var body = i is 10 or 11 or 100 ? 0.5f : 0.49f;
            (firstStage[2 * i], firstStage[(2 * i) + 1]) = (body, 1 - body);
        }

        var output = new float[n * extractor.Dimension];
        extractor.Extract(page, firstStage, output);

        float Slot(int block, ContextSlot slot) =>
            extractor.Layout.Of(output.AsSpan(block * extractor.Dimension, extractor.Dimension), slot)[0];
        float Log(int blocks) => MathF.Log(1 + blocks);
        Assert.Equal(Log(64), Slot(0, ContextFeatureLayout.DistanceBefore));
        Assert.Equal(Log(10), Slot(0, ContextFeatureLayout.DistanceAfter));
        Assert.Equal(Log(1), Slot(10, ContextFeatureLayout.DistanceAfter));
        Assert.Equal(Log(1), Slot(11, ContextFeatureLayout.DistanceBefore));
        Assert.Equal(Log(64), Slot(11, ContextFeatureLayout.DistanceAfter));
        Assert.Equal(Log(39), Slot(50, ContextFeatureLayout.DistanceBefore));
        Assert.Equal(Log(50), Slot(50, ContextFeatureLayout.DistanceAfter));
        Assert.Equal(Log(64), Slot(100, ContextFeatureLayout.DistanceBefore));
        Assert.Equal(Log(49), Slot(149, ContextFeatureLayout.DistanceBefore));
        Assert.Equal(Log(64), Slot(149, ContextFeatureLayout.DistanceAfter));
    }

    [Fact]
    public void A_blocks_first_stage_features_do_not_depend_on_the_block_before_it()
    {
        // Menu items and the paragraphs of one container share their markup strings; what one block's extraction
        // remembers for the next must give what a fresh page gives.
        const string html = """
            <html><body><nav class="menu"><ul><li class="item"><a href="/">Home</a></li><li class="item"><a href="/a">About</a></li>
            <li class="item last"><a href="/c">Contact</a></li></ul></nav><article class="story"><p>First paragraph of the story.</p>
            <p>Second paragraph of the story.</p><div class="note"><p>A note.</p></div><p>Third paragraph.</p></article></body></html>
            """;
        var segmented = new HtmlSegmenter(SegmentationLimits.Default).Segment(html, "https://example.com/", CancellationToken.None);
        var shared = new PreparedPage(segmented);
        var extractor = new TextFeatureExtractor(FeatureGroups.All);
        var inOrder = new SparseFeatures();
        var fresh = new SparseFeatures();
        Assert.True(shared.Count >= 7);
        foreach (var i in Enumerable.Range(0, shared.Count).Concat(Enumerable.Range(0, shared.Count).Reverse()))
        {
            extractor.Extract(shared, i, inOrder);
            extractor.Extract(new PreparedPage(segmented), i, fresh);
            Assert.Equal(fresh.Indices.ToArray(), inOrder.Indices.ToArray());
            Assert.Equal(fresh.Values.ToArray(), inOrder.Values.ToArray());
        }
    }

    [Theory]
    [InlineData(FeatureGroups.All)]
    [InlineData(FeatureGroups.All & ~FeatureGroups.Neighbours)]
    [InlineData(FeatureGroups.All & ~FeatureGroups.Subtree)]
    [InlineData(FeatureGroups.All & ~FeatureGroups.Shape & ~FeatureGroups.Dom & ~FeatureGroups.Position)]
    public void Switching_a_group_off_keeps_the_layout_and_reads_as_zero(FeatureGroups groups)
    {
        var page = new PreparedPage(Segmenter.FromParagraphs(["one", "two", "three"], null));
        var all = new ContextFeatureExtractor(FeatureGroups.All, 3);
        var some = new ContextFeatureExtractor(groups, 3);
        var firstStage = Enumerable.Range(0, 9).Select(i => (i % 3) / 3f + 0.1f).ToArray();
        var full = new float[3 * all.Dimension];
        var partial = new float[3 * some.Dimension];

        all.Extract(page, firstStage, full);
        some.Extract(page, firstStage, partial);

        Assert.Equal(all.Dimension, some.Dimension);
        for (var i = 0; i < full.Length; i++)
        {
            Assert.True(partial[i] == full[i] || partial[i] == 0, $"feature {i % all.Dimension} moved");
        }
    }

    [Fact]
    public void Dense_scripts_count_as_longer_text()
    {
        Assert.Equal(3 * 5, BlockStatistics.Of("北京欢迎你").WeightedChars);
        Assert.Equal(5, BlockStatistics.Of("hello").WeightedChars);
        Assert.Equal(2, BlockStatistics.Of("It works. Really!").SentenceEnds);
    }
}
