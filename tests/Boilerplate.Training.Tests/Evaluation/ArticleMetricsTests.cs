using Boilerplate.Training.Evaluation;

namespace Boilerplate.Training.Tests.Evaluation;

public sealed class ArticleMetricsTests
{
    [Fact]
    public void Identical_texts_score_one()
    {
        var page = ArticleMetrics.Compare("Alpha beta, gamma delta epsilon.", "alpha BETA gamma delta epsilon");
        Assert.Equal((2, 0, 0), (page.TruePositives, page.FalsePositives, page.FalseNegatives));
        Assert.Equal(1, page.F1);
    }

    [Fact]
    public void Extra_text_costs_precision_only()
    {
        var page = ArticleMetrics.Compare("a b c d e", "a b c d e x y z w");
        Assert.Equal((2, 4, 0), (page.TruePositives, page.FalsePositives, page.FalseNegatives));
        Assert.Equal(1.0 / 3, page.Precision, 10);
        Assert.Equal(1, page.Recall);
    }

    [Fact]
    public void Shingles_are_counted_as_a_multiset()
    {
        // Truth holds "a b c d" twice; predicting it once recalls one of five shingles.
        var page = ArticleMetrics.Compare("a b c d a b c d", "a b c d");
        Assert.Equal((1, 0, 4), (page.TruePositives, page.FalsePositives, page.FalseNegatives));
        Assert.Equal(0.2, page.Recall, 10);
    }

    [Fact]
    public void Corpus_figures_average_pages_then_take_f1_of_the_means()
    {
        var score = ArticleMetrics.Aggregate([
            ArticleMetrics.Compare("a b c d e", "a b c d e x y z w"),
            ArticleMetrics.Compare("a b c d a b c d", "a b c d"),
        ]);
        Assert.Equal(2.0 / 3, score.Precision, 10);
        Assert.Equal(0.6, score.Recall, 10);
        Assert.Equal(2 * (2.0 / 3) * 0.6 / ((2.0 / 3) + 0.6), score.F1, 10);
    }

    [Fact]
    public void Empty_output_for_a_real_article_scores_zero()
    {
        var page = ArticleMetrics.Compare("some real article text here", string.Empty);
        Assert.Equal(0, page.Precision);
        Assert.Equal(0, page.Recall);
    }

    [Fact]
    public void Tokens_are_unicode_words_lower_cased()
    {
        Assert.Equal(1, ArticleMetrics.Compare("Straße ÜBER Brücke", "straße über brücke").F1);
        // Unspaced Chinese is one \w+ token per run, as the scoring rule says.
        Assert.Equal(1, ArticleMetrics.Compare("北京欢迎你。", "北京欢迎你").F1);
        Assert.Equal(0, ArticleMetrics.Compare("привет мир", "hello world").F1);
    }

    [Fact]
    public void Snippets_match_whole_tokens_in_order()
    {
        Assert.True(ArticleMetrics.ContainsSnippet("We say hello world now.", "Hello, World!"));
        Assert.False(ArticleMetrics.ContainsSnippet("We say hello world now.", "world hello"));
        Assert.False(ArticleMetrics.ContainsSnippet("hello", "hell"));
    }

    [Fact]
    public void A_snippet_cut_at_wcxbs_length_may_end_mid_word_and_a_shorter_one_may_not()
    {
        const string text = "If you simply just love coffee for the sake of coffee, you may not have even bothered to ask where it came from.";
        var cut = text[..80];
        Assert.EndsWith("bot", cut, StringComparison.Ordinal);
        Assert.True(ArticleMetrics.ContainsSnippet(text, cut));
        Assert.False(ArticleMetrics.ContainsSnippet(text, "you may not have even bot"));
        Assert.False(ArticleMetrics.ContainsSnippet("Something else entirely. " + text[..60], cut));
    }

    [Fact]
    public void Snippet_check_counts_missing_keeps_and_leaked_drops()
    {
        var page = ArticleMetrics.Compare(
            "The article text.",
            "The article text. Subscribe to our newsletter.",
            with: ["The article text", "A sentence that was lost"],
            without: ["Subscribe to our newsletter", "Accept all cookies"]);
        Assert.Equal((2, 1, 2, 1), (page.WithTotal, page.WithFound, page.WithoutTotal, page.WithoutPresent));
        var snippets = ArticleMetrics.Aggregate([page]).Snippets;
        Assert.Equal(0.5, snippets.WithRecall);
        Assert.Equal(0.5, snippets.WithoutRejection);
    }
}
