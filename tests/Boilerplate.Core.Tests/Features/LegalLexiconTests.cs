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
    public void Counts_what_searching_for_each_phrase_alone_counts()
    {
        // The one-pass count against the plain definition: each phrase searched on its own, found where it begins a
        // word (or anywhere, for phrases outside spaced scripts), counted once however often it occurs.
        var random = new Random(7);
        var surroundings = new[] { "", " ", "x", "7", "使用", "«", "the ", "our " };
        var texts = new List<string> { "", "cookie", "©©©", "accept all cookies, accept all", "(c) 2019 (c) 1999 ©" };
        foreach (var phrase in LegalLexicon.Phrases)
        {
            texts.Add(phrase);
            texts.Add(surroundings[random.Next(surroundings.Length)] + phrase.ToUpperInvariant() + surroundings[random.Next(surroundings.Length)]);
            texts.Add("x" + phrase + " and " + phrase + " again");
        }

        for (var i = 0; i < 400; i++)
        {
            var parts = Enumerable.Range(0, random.Next(1, 6)).Select(_ => surroundings[random.Next(surroundings.Length)] + LegalLexicon.Phrases[random.Next(LegalLexicon.Phrases.Length)]);
            texts.Add(string.Join(random.Next(2) == 0 ? " " : "", parts));
        }

        Assert.All(texts, text => Assert.Equal(CountEachPhraseAlone(text), LegalLexicon.CountPhrases(text)));
    }

    private static int CountEachPhraseAlone(string text)
    {
        var lower = text.ToLowerInvariant();
        return LegalLexicon.Phrases.Count(phrase =>
        {
            for (var at = lower.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                if (!SpacedLetter(phrase[0]) || at == 0 || !(SpacedLetter(lower[at - 1]) || char.IsDigit(lower[at - 1])))
                {
                    return true;
                }
            }

            return false;
        });
    }

    private static bool SpacedLetter(char c) => char.IsLetter(c) && c < '\u0590';

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

    [Theory]
    [InlineData("© 2025 Example Fitness. All rights reserved.")]
    [InlineData("Copyright © 2024 Harbour Press Ltd")]
    [InlineData("Copyright 2026 The Example Gazette")]
    [InlineData("(c) 1998-2025 Example Media")]
    [InlineData("| © Example Media 2025")]
    [InlineData("Alle Rechte vorbehalten.")]
    [InlineData("版权所有 © 示例网")]
    [InlineData("<저작권자 ⓒ 예시뉴스, 무단 전재 및 재배포 금지>")]
    [InlineData("ⓒ 2025 예시일보")]
    [InlineData("記事の無断転載を禁じます。")]
    public void A_sites_copyright_line_is_told(string text)
    {
        Assert.True(LegalLexicon.IsCopyrightLine(text));
    }

    [Theory]
    [InlineData("© Jane Doe / Example Images")]
    [InlineData("Copyright license")]
    [InlineData("Clips of film characters have sparked alarm within the studios over copyright in 2025.")]
    [InlineData("The 1990s were a good decade for the harbour town and its fishing fleet.")]
    [InlineData("Copyright 1998-2026 Example Software Foundation, Inc. This is free software; see the source for copying conditions. There is NO warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.")]
    public void A_photo_credit_or_a_sentence_about_copyright_is_not_a_copyright_line(string text)
    {
        Assert.False(LegalLexicon.IsCopyrightLine(text));
    }

    [Fact]
    public void A_long_notice_is_not_a_copyright_line()
    {
        var notice = "© 2025 Example Media. " + string.Concat(Enumerable.Repeat("Reproduction of this material without written permission is forbidden. ", 5));
        Assert.True(notice.Length > LegalLexicon.MaxCopyrightLineChars);
        Assert.False(LegalLexicon.IsCopyrightLine(notice));
    }
}
