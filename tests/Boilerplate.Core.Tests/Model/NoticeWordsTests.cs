using Boilerplate.Core.Model;

namespace Boilerplate.Core.Tests.Model;

public sealed class NoticeWordsTests
{
    private static readonly NoticeWords Rule = NoticeWords.For(Labels.Default)!;

    [Fact]
    public void Words_that_read_as_a_notice_keep_the_legal_label_where_the_page_says_navigation()
    {
        float[] firstStage = [0.05f, 0.15f, 0.80f];
        float[] final = [0.05f, 0.60f, 0.35f];

        Rule.Apply(firstStage, final);

        Assert.Equal([0.05f, 0.35f, 0.60f], final);
    }

    [Theory]
    [InlineData(0.60f, 0.05f, 0.10f, 0.55f, 0.35f)] // the words are not sure enough
    [InlineData(0.85f, 0.10f, 0.50f, 0.40f, 0.10f)] // the second stage keeps it as body: never moved
    [InlineData(0.75f, 0.05f, 0.05f, 0.10f, 0.85f)] // already legal
    public void Nothing_else_changes(float firstLegal, float firstBody, float body, float navigation, float legal)
    {
        float[] firstStage = [firstBody, 1f - firstBody - firstLegal, firstLegal];
        float[] final = [body, navigation, legal];
        float[] before = [.. final];

        Rule.Apply(firstStage, final);

        Assert.Equal(before, final);
    }

    [Fact]
    public void Every_block_of_a_page_is_read_in_its_own_row()
    {
        float[] firstStage = [0.9f, 0.05f, 0.05f, 0.05f, 0.15f, 0.80f];
        float[] final = [0.9f, 0.05f, 0.05f, 0.05f, 0.60f, 0.35f];

        Rule.Apply(firstStage, final);

        Assert.Equal([0.9f, 0.05f, 0.05f, 0.05f, 0.35f, 0.60f], final);
    }

    [Fact]
    public void A_model_of_its_own_labels_has_no_such_rule() =>
        Assert.Null(NoticeWords.For(["article", "ad", "comment"]));
}
