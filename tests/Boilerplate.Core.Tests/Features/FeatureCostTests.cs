using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Features;

/// <summary>
/// The per-block feature work allocates nothing once warm: the first stage's text features and the legal lexicon run
/// for every block of every page, so a string or list made per block there is paid hundreds of times a page.
/// Counted in bytes, never timed (timings belong in bench/).
/// </summary>
public sealed class FeatureCostTests
{
    private const string Html = """
        <html><body><nav class="menu top-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News 2025</a></li></ul></nav>
        <article class="story"><h1>İSTANBUL ΣΟΦΟΣ 𐐀𐐨 Déjà vu</h1><p>Prices rose 12.5% in 2024, said the ministry. Read our privacy policy and terms of use.</p>
        <p>北京欢迎你，今天天气很好。本站使用Cookie统计访问量。</p><p>Москва — столица России. Все права защищены.</p></article>
        <footer><p class="legal">© 2025 Example Ltd. All rights reserved. We use cookies; accept all cookies or manage preferences.</p></footer></body></html>
        """;

    [Fact]
    public void Text_features_and_the_legal_lexicon_allocate_nothing_per_block()
    {
        var page = new PreparedPage(new HtmlSegmenter(SegmentationLimits.Default).Segment(Html, "https://example.com/", CancellationToken.None));
        var extractor = new TextFeatureExtractor(FeatureGroups.All);
        var features = new SparseFeatures();
        var phrases = Run(page, extractor, features);

        // Work done per block allocates in every measurement; the shared array pool refilling itself after a trim
        // (its trim runs on the finalizer thread after a full collection, possibly inside the window) allocates once.
        // So the fewest bytes over a few measurements is what the per-block work costs.
        var allocated = long.MaxValue;
        for (var attempt = 0; attempt < 5 && allocated != 0; attempt++)
        {
            Run(page, extractor, features);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var pass = 0; pass < 50; pass++)
            {
                Run(page, extractor, features);
            }

            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.True(phrases >= 6, $"{phrases} legal phrases found");
        Assert.Equal(0, allocated);
    }

    private static int Run(PreparedPage page, TextFeatureExtractor extractor, SparseFeatures features)
    {
        var phrases = 0;
        for (var i = 0; i < page.Count; i++)
        {
            extractor.Extract(page, i, features);
            phrases += LegalLexicon.CountPhrases(page[i].Text);
        }

        return phrases;
    }
}
