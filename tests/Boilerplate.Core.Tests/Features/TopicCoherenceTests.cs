using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Tests.Features;

public sealed class TopicCoherenceTests
{
    private const int Labels = 3;

    [Fact]
    public void A_block_that_shares_the_articles_words_coheres_with_the_article_and_a_stranger_does_not()
    {
        var page = Page(
            "Harbour seals returned to the estuary this spring after a decade away.",
            "Counts of harbour seals on the estuary sandbanks rose to forty this year.",
            "Volunteers will count the seals on the estuary again in the autumn.",
            "Subscribe now: weekly deals, coupons, giveaways",
            "— · —");
        float[] firstStage = [.. Body, .. Body, .. Body, .. Navigation, .. Navigation];
        var coherence = new float[page.Count * Labels];

        TopicCoherence.Compute(page, firstStage, Labels, coherence);

        // Words in every block weigh nothing, so sharing "seals" and "estuary" with two lines of three is a modest cosine.
        Assert.True(coherence[(2 * Labels) + 0] > 0.1f, $"article line: {coherence[(2 * Labels) + 0]}");
        Assert.Equal(0f, coherence[(3 * Labels) + 0]);
        Assert.All(coherence.AsSpan(4 * Labels, Labels).ToArray(), value => Assert.Equal(TopicCoherence.Absent, value));
    }

    [Fact]
    public void Words_numbered_before_the_buffers_grew_are_the_same_words_after()
    {
        // Three thousand short distinct words pass both the table's and the word list's first size; the second block
        // says them again in reverse, so it shares every word with the first, and the third shares none.
        var words = Enumerable.Range(0, 3000).Select(Letters).ToList();
        var page = Page(string.Join(' ', words), string.Join(' ', Enumerable.Reverse(words)), "Unrelated closing remark");
        float[] firstStage = [.. Body, .. Navigation, .. Navigation];
        var coherence = new float[page.Count * Labels];

        TopicCoherence.Compute(page, firstStage, Labels, coherence);

        // The second block against the body mix (the first block alone, nearly): 0.9 / sqrt(0.9² + 0.05²).
        Assert.Equal(0.9 / Math.Sqrt((0.9 * 0.9) + (0.05 * 0.05)), coherence[(1 * Labels) + 0], 3);
        Assert.Equal(0f, coherence[(2 * Labels) + 0]);

        static string Letters(int i) => i < 26 ? ((char)('a' + i)).ToString() : Letters((i / 26) - 1) + (char)('a' + (i % 26));
    }

    [Fact]
    public void Computing_allocates_per_block_not_per_word()
    {
        // Forty blocks of thirty words each: a dictionary, list or set per page would cost kilobytes here.
        var page = Page([.. Enumerable.Range(0, 40).Select(b => string.Join(' ', Enumerable.Range(0, 30).Select(w => $"word{(b * 7) + w}")))]);
        var firstStage = Enumerable.Range(0, page.Count).SelectMany(_ => Body).ToArray();
        var coherence = new float[page.Count * Labels];
        TopicCoherence.Compute(page, firstStage, Labels, coherence);

        var allocated = long.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            TopicCoherence.Compute(page, firstStage, Labels, coherence);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // The block offsets and norms: two arrays of about one number a block.
        Assert.True(allocated <= (page.Count * 8) + 256, $"{allocated} bytes for {page.Count} blocks");
    }

    [Fact]
    public void The_term_table_numbers_words_by_first_use_through_its_growth()
    {
        var table = new TermTable(expected: 4);
        try
        {
            // Keys that differ only in their high bits share a slot's neighbourhood; thousands force several growths.
            var keys = Enumerable.Range(0, 5000).Select(i => (uint)i << 20 | (uint)(i % 3)).ToArray();
            Assert.Equal(Enumerable.Range(0, keys.Length), keys.Select(table.IdOf));
            Assert.Equal(Enumerable.Range(0, keys.Length), keys.Select(table.IdOf));
            Assert.Equal(keys.Length, table.Count);

            Assert.True(table.FirstInBlock(7, block: 0));
            Assert.False(table.FirstInBlock(7, block: 0));
            Assert.True(table.FirstInBlock(7, block: 1));
            Assert.True(table.FirstInBlock(8, block: 1));
        }
        finally
        {
            table.Return();
        }
    }

    private static float[] Body => [0.9f, 0.08f, 0.02f];

    private static float[] Navigation => [0.05f, 0.9f, 0.05f];

    private static PreparedPage Page(params string[] paragraphs) =>
        new(new TextSegmenter().FromParagraphs(paragraphs, null));
}
