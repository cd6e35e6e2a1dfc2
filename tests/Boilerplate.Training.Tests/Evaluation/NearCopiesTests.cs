using Boilerplate.Core.Model;
using Boilerplate.Training;
using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training.Tests.Evaluation;

[Trait("Category", "Unit")]
public sealed class NearCopiesTests
{
    [Theory]
    [InlineData("Read the full story", "Read the full story »", true)]
    [InlineData("Follow us on Instagram and YouTube", "Follow us on Instagram, YouTube and TikTok", true)]
    [InlineData("Follow us on Instagram", "Subscribe to our weekly newsletter", false)]
    [InlineData("本网站使用Cookie来改善您的浏览体验。", "本网站使用Cookie来改善您的浏览体验，谢谢。", true)]
    [InlineData("本网站使用Cookie来改善您的浏览体验。", "今天北京的天气晴朗，气温二十度。", false)]
    public void A_line_is_a_near_copy_when_it_shares_most_of_its_words_or_characters(string line, string seed, bool expected) =>
        Assert.Equal(expected, NearCopies.IsNearCopy(line, seed));

    [Fact]
    public void Unseen_keeps_the_lines_no_seed_repeats_in_their_order()
    {
        HandLabelledSample[] samples =
        [
            new("Skip to main content", Labels.Navigation, "en"),
            new("The council approved the new budget after a long night of debate.", Labels.Body, "en"),
            new("Alle Rechte vorbehalten.", Labels.Legal, "de"),
        ];

        var unseen = NearCopies.Unseen(samples, ["Skip to main content", "© 2025 Beispiel GmbH. Alle Rechte vorbehalten."]);

        Assert.Equal([samples[1], samples[2]], unseen);
    }

    [Fact]
    public void Most_hand_labelled_lines_have_no_near_copy_among_the_seed_samples()
    {
        // Seed samples that repeat the held-out lines would make the three-way figures measure memory; new seeds must
        // not shrink the unseen part below what it is.
        var seeds = SeedSamples.Load().OfType<TrainingSample.Paragraph>().Select(s => s.Text);

        var unseen = NearCopies.Unseen(HandLabelledSet.Load(), seeds);

        Assert.True(unseen.Count >= 296, $"{unseen.Count} of the hand-labelled lines have no near copy among the seed samples");
    }
}
