using Boilerplate.Core.Features;

namespace Boilerplate.Core.Tests.Features;

public sealed class NavigationLexiconTests
{
    [Theory]
    [InlineData("Read more")]
    [InlineData("READ MORE »")]
    [InlineData("Continue reading →")]
    [InlineData("Back to top ↑")]
    [InlineData("Mehr zum Thema:")]
    [InlineData("Lire la suite")]
    [InlineData("Leer más...")]
    [InlineData("Czytaj więcej")]
    [InlineData("Читать далее")]
    [InlineData("続きを読む")]
    [InlineData("阅读全文")]
    [InlineData("더보기")]
    [InlineData("اقرأ المزيد")]
    [InlineData("और पढ़ें")]
    public void A_chrome_phrase_alone_covers_the_whole_block(string text)
    {
        Assert.Equal(1f, NavigationLexicon.Share(text));
    }

    [Theory]
    [InlineData("Home › News › World", 4f / 19)]
    [InlineData("Related: Ten ways to cook rice", 7f / 30)]
    [InlineData("関連記事一覧", 4f / 6)]
    public void A_block_that_opens_with_a_phrase_is_covered_by_its_share(string text, float share)
    {
        Assert.Equal(share, NavigationLexicon.Share(text), 4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("»")]
    [InlineData("Back-end developers use many languages.")]
    [InlineData("print(value)")]
    [InlineData("Homeowners saw their bills rise this winter.")]
    [InlineData("The minister said more on Tuesday.")]
    [InlineData("See also")]
    public void Prose_words_and_phrases_articles_use_are_not_chrome(string text)
    {
        Assert.Equal(0f, NavigationLexicon.Share(text));
    }

    [Fact]
    public void A_long_block_is_never_chrome_whatever_it_opens_with()
    {
        var text = "Next, " + string.Join(' ', Enumerable.Repeat("the council voted on the budget", 10));

        Assert.True(text.Length > NavigationLexicon.MaxChars);
        Assert.Equal(0f, NavigationLexicon.Share(text));
    }

    [Fact]
    public void Every_phrase_is_lower_case_trimmed_single_spaced_and_listed_once()
    {
        Assert.All(NavigationLexicon.Phrases, phrase =>
        {
            Assert.Equal(phrase.ToLowerInvariant(), phrase);
            Assert.Equal(phrase.Trim(), phrase);
            Assert.DoesNotContain("  ", phrase, StringComparison.Ordinal);
            Assert.True(NavigationLexicon.IsWordCharacter(phrase[0]) && NavigationLexicon.IsWordCharacter(phrase[^1]), phrase);
        });
        Assert.Equal(NavigationLexicon.Phrases.Length, NavigationLexicon.Phrases.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_list_heading_is_one_of_the_phrases_and_none_says_see_also()
    {
        Assert.All(NavigationLexicon.ListHeadings, heading => Assert.Contains(heading, NavigationLexicon.Phrases));
        Assert.DoesNotContain("see also", (IReadOnlySet<string>)NavigationLexicon.ListHeadings);
    }

    [Theory]
    [InlineData("Related Articles")]
    [InlineData("  You may also like:")]
    [InlineData("LESEN SIE AUCH")]
    [InlineData("» À lire aussi")]
    [InlineData("関連記事")]
    public void A_line_that_only_titles_a_list_of_other_stories_is_a_list_heading(string text) =>
        Assert.True(NavigationLexicon.IsListHeading(text));

    [Theory]
    [InlineData("Related articles about the new bridge are below")]
    [InlineData("Read more")]
    [InlineData("See also")]
    [InlineData("")]
    public void A_sentence_or_another_chrome_line_is_not_a_list_heading(string text) =>
        Assert.False(NavigationLexicon.IsListHeading(text));
}
