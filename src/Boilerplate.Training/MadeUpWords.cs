using System.Text;
using Boilerplate.Core.Features;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Training;

/// <summary>
/// A page's words rewritten into made-up words of the same length and case, the same word always the same made-up
/// word within one vocabulary: a page as if written in a language no model has seen. Training also learns a share of
/// the corpus pages this way, so that the second stage learns to read an unknown language from markup, shape and
/// neighbours rather than from words it has never met (the corpora are nearly all English). Digits, punctuation and
/// letters outside a-z stay, and so do legal blocks: a notice in any language carries the phrases the legal lexicon
/// and the seed lines teach, and a notice stripped of them teaches the trees that a footer line is legal by its place.
/// </summary>
public static class MadeUpWords
{
    private const uint Multiplier = 1103515245u;
    private const uint Increment = 12345u;

    /// <summary>Whether the corpus page with <paramref name="key"/> is among the <paramref name="share"/> (0..1) also learnt in made-up words.</summary>
    public static bool IsChosen(string key, double share)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FeatureHasher.Namespace(key + "#pick") % 100 < (uint)Math.Round(Math.Clamp(share, 0, 1) * 100);
    }

    /// <summary>The vocabulary of the page with <paramref name="key"/>: every page gets its own, so no made-up word is learnt across pages.</summary>
    public static uint VocabularyOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FeatureHasher.Namespace(key + "#cipher");
    }

    /// <summary>The page with every block's text (and table cells) rewritten, except the blocks labelled legal.</summary>
    public static SegmentedPage Rewrite(SegmentedPage page, IReadOnlyList<string> labels, uint vocabulary)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != page.Blocks.Count)
        {
            throw new ArgumentException("One label per block is needed.", nameof(labels));
        }

        var blocks = new Block[page.Blocks.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            var block = page.Blocks[i];
            blocks[i] = labels[i] == Labels.Legal
                ? block
                : block with { Text = Rewrite(block.Text, vocabulary), Cells = block.Cells?.Select(cell => Rewrite(cell, vocabulary)).ToList() };
        }

        return page with { Blocks = blocks };
    }

    /// <summary>
    /// <paramref name="text"/> with each run of letters replaced, character for character, by a made-up word drawn from
    /// its lower-cased form: the length and every offset into the text stay, so inline spans still fit.
    /// </summary>
    public static string Rewrite(string text, uint vocabulary)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                result.Append(text[i++]);
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            var state = vocabulary;
            for (var k = i; k < end; k++)
            {
                state = FeatureHasher.Add(state, char.ToLowerInvariant(text[k]));
            }

            for (; i < end; i++)
            {
                state = unchecked((state * Multiplier) + Increment);
                var letter = (char)('a' + ((state >> 16) % 26));
                var c = text[i];
                result.Append(c is >= 'a' and <= 'z' ? letter : c is >= 'A' and <= 'Z' ? char.ToUpperInvariant(letter) : c);
            }
        }

        return result.ToString();
    }
}
