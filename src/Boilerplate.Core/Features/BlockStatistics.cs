namespace Boilerplate.Core.Features;

/// <summary>Shallow, language-independent facts about a block's text, computed once per block and shared by both stages.</summary>
/// <param name="Chars">Characters.</param>
/// <param name="Words">Word tokens.</param>
/// <param name="AverageWordLength">Mean characters per word token.</param>
/// <param name="PunctuationRatio">Share of characters that are punctuation.</param>
/// <param name="DigitRatio">Share of characters that are digits.</param>
/// <param name="UpperRatio">Share of letters that are upper case.</param>
/// <param name="SentenceEnds">Sentence-ending marks (. ! ? and their CJK and Arabic forms) followed by space or end.</param>
/// <param name="EndsWithSentenceMark">Whether the text ends like a sentence.</param>
/// <param name="StartsUpper">Whether the first letter is upper case.</param>
/// <param name="Separators">Separator marks typical of menus and breadcrumbs (| · • › » / –).</param>
/// <param name="HasCopyrightSign">Whether the text holds © or ®.</param>
/// <param name="CapitalisedWordRatio">Share of word tokens that start with a capital (title-case menus).</param>
/// <param name="WeightedChars">
/// Characters with each Chinese, Japanese or Korean character counted three times: one of them carries about as
/// much as a short word, so a 40-character Chinese sentence is as long as a 120-character English one.
/// </param>
public sealed record BlockStatistics(
    int Chars,
    int Words,
    float AverageWordLength,
    float PunctuationRatio,
    float DigitRatio,
    float UpperRatio,
    int SentenceEnds,
    bool EndsWithSentenceMark,
    bool StartsUpper,
    int Separators,
    bool HasCopyrightSign,
    float CapitalisedWordRatio,
    int WeightedChars)
{
    /// <summary>Computes the statistics of <paramref name="text"/>.</summary>
    public static BlockStatistics Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int words = 0, wordChars = 0, punctuation = 0, digits = 0, letters = 0, upper = 0, sentenceEnds = 0, separators = 0, capitalised = 0;
        var inWord = false;
        var copyright = false;
        var startsUpper = false;
        var sawLetter = false;
        var dense = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var isWord = WordTokenizer.IsWordChar(c);
            if (isWord)
            {
                if (!inWord)
                {
                    words++;
                    if (char.IsUpper(c))
                    {
                        capitalised++;
                    }
                }

                wordChars++;
            }

            inWord = isWord;
            if (char.IsLetter(c))
            {
                letters++;
                if (IsDenseScript(c))
                {
                    dense++;
                }

                if (char.IsUpper(c))
                {
                    upper++;
                }

                if (!sawLetter)
                {
                    startsUpper = char.IsUpper(c);
                    sawLetter = true;
                }
            }
            else if (char.IsDigit(c))
            {
                digits++;
            }
            else if (char.IsPunctuation(c) || char.IsSymbol(c))
            {
                punctuation++;
                if (IsSentenceMark(c) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || c > 0x2000))
                {
                    sentenceEnds++;
                }

                if (c is '|' or '·' or '•' or '›' or '»' or '/' or '–' or '>')
                {
                    separators++;
                }

                if (c is '©' or '®')
                {
                    copyright = true;
                }
            }
        }

        var trimmed = text.AsSpan().TrimEnd();
        var endsWithMark = trimmed.Length > 0 && (IsSentenceMark(trimmed[^1]) || trimmed[^1] is '"' or '”' or '»' or ')' or '」' && trimmed.Length > 1 && IsSentenceMark(trimmed[^2]));
        var length = Math.Max(1, text.Length);
        return new BlockStatistics(
            text.Length,
            words,
            words == 0 ? 0 : (float)wordChars / words,
            (float)punctuation / length,
            (float)digits / length,
            letters == 0 ? 0 : (float)upper / letters,
            sentenceEnds,
            endsWithMark,
            startsUpper,
            separators,
            copyright,
            words == 0 ? 0 : (float)capitalised / words,
            text.Length + (2 * dense));
    }

    /// <summary>
    /// CJK ideographs, kana and Hangul: scripts that pack a word into one or two characters. Public because label
    /// derivation (Boilerplate.Training) treats a run of them like a long block.
    /// </summary>
    public static bool IsDenseScript(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsSentenceMark(char c) => c is '.' or '!' or '?' or '。' or '！' or '？' or '؟' or '۔' or '…' or ':' or ';';
}
