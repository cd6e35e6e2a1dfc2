using Boilerplate.Core.Features;

namespace Boilerplate.Core.Tests.Features;

public sealed class LegalLexiconTests
{
    [Theory]
    [InlineData("© 2025 Example Ltd. All rights reserved.")]
    [InlineData("Impressum | Datenschutz")]
    [InlineData("Mentions légales")]
    [InlineData("Política de privacidad")]
    [InlineData("Polityka prywatności")]
    [InlineData("Tutti i diritti riservati")]
    [InlineData("Todos os direitos reservados")]
    [InlineData("Alle rechten voorbehouden")]
    [InlineData("Все права защищены")]
    [InlineData("版权所有")]
    [InlineData("جميع الحقوق محفوظة")]
    [InlineData("Diese Seite verwendet Cookies für die Statistik.")]
    [InlineData("Functional cookies remember your choices.")]
    [InlineData("本站使用Cookie统计访问量。")]
    public void Finds_legal_phrases_in_many_languages(string text)
    {
        Assert.True(LegalLexicon.CountPhrases(text) >= 1);
    }

    [Theory]
    [InlineData("Best chocolate chip cookies recipe")]
    [InlineData("Read the Tagblatt every morning")]
    [InlineData("Home | News | Sport")]
    [InlineData("Our cookies are baked fresh every morning")]
    [InlineData("xcookie policies")]
    public void Ignores_ordinary_text(string text)
    {
        Assert.Equal(0, LegalLexicon.CountPhrases(text));
    }

    [Fact]
    public void Each_phrase_is_listed_once()
    {
        Assert.Empty(LegalLexicon.Phrases.GroupBy(p => p, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void Markup_tokens_count_only_near_the_block()
    {
        Assert.True(LegalLexicon.HasLegalAttribute("cookie banner notice"));
        Assert.False(LegalLexicon.HasLegalAttribute("menu item nav"));
        var far = string.Join(' ', Enumerable.Repeat("wrapper", 20)) + " legal";
        Assert.False(LegalLexicon.HasLegalAttribute(far));
    }
}
