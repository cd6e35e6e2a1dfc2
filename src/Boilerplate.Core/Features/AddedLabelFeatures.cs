using Boilerplate.Core.Model;

namespace Boilerplate.Core.Features;

/// <summary>
/// The row the added-label stage reads for a block: its shape, its words and their 5-letter stems, character 3- to
/// 5-grams within words and the symbols a text uses (%, currency, !, emoji, codes): what a few dozen samples can teach
/// and what carries over to other wordings and related languages. Markup and position are left out because samples
/// often come as bare text while pages come as HTML. Then the base model's probabilities of the block and of its two
/// neighbours as dense features after the sparse space. One place for the layout, shared by training and scoring.
/// </summary>
public sealed class AddedLabelFeatures
{
    /// <summary>The feature groups of the text part.</summary>
    public const FeatureGroups TextGroups = FeatureGroups.Shape;

    /// <summary>Characters of a block read for its lexical features.</summary>
    private const int MaxChars = 1024;

    /// <summary>Letters of a word's stem feature.</summary>
    private const int StemLength = 5;

    private static readonly uint WordSpace = FeatureHasher.Namespace("added.word");
    private static readonly uint StemSpace = FeatureHasher.Namespace("added.stem");
    private static readonly uint GramSpace = FeatureHasher.Namespace("added.gram");
    private static readonly uint SymbolSpace = FeatureHasher.Namespace("added.symbol");

    private readonly TextFeatureExtractor _text = new(TextGroups);
    private readonly SparseFeatures _features = new();
    private int[] _indices = new int[256];
    private float[] _values = new float[256];

    /// <summary>Creates the layout for a base model of <paramref name="baseLabels"/> labels.</summary>
    public AddedLabelFeatures(int baseLabels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseLabels, 2);
        BaseLabels = baseLabels;
    }

    /// <summary>Labels of the base model whose probabilities are read.</summary>
    public int BaseLabels { get; }

    /// <summary>Dense features after the sparse space: the block's and its neighbours' base probabilities.</summary>
    public int DenseCount => 3 * BaseLabels;

    /// <summary>Width of a row.</summary>
    public int Dimension => FeatureSchema.SparseDimension + DenseCount;

    /// <summary>
    /// Writes block <paramref name="index"/>'s row; <paramref name="baseProbabilities"/> holds the base model's
    /// probabilities (blocks x <see cref="BaseLabels"/>). The spans stay valid until the next call.
    /// </summary>
    public (ReadOnlyMemory<int> Indices, ReadOnlyMemory<float> Values) Extract(PreparedPage page, int index, ReadOnlySpan<float> baseProbabilities)
    {
        ArgumentNullException.ThrowIfNull(page);
        _text.Extract(page, index, _features);
        AddLexical(page[index].Text, _features);
        var k = BaseLabels;
        var count = _features.Count + DenseCount;
        if (_indices.Length < count)
        {
            _indices = new int[count * 2];
            _values = new float[count * 2];
        }

        _features.Indices.CopyTo(_indices);
        _features.Values.CopyTo(_values);
        var at = _features.Count;
        for (var neighbour = 0; neighbour < 3; neighbour++)
        {
            var block = index + neighbour - 1;
            for (var j = 0; j < k; j++)
            {
                _indices[at] = FeatureSchema.SparseDimension + (neighbour * k) + j;
                _values[at] = block >= 0 && block < page.Count ? baseProbabilities[(block * k) + j] : 0f;
                at++;
            }
        }

        return (_indices.AsMemory(0, at), _values.AsMemory(0, at));
    }

    /// <summary>Words, stems, in-word character n-grams and symbols, each group scaled to unit length.</summary>
    private static void AddLexical(string text, SparseFeatures output)
    {
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        Span<char> word = stackalloc char[34];
        output.BeginGroup();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            if (i < span.Length && char.IsLetterOrDigit(span[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var length = Math.Min(i - start, 32);
                word[0] = '<';
                for (var j = 0; j < length; j++)
                {
                    var c = span[start + j];
                    word[j + 1] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
                }

                word[length + 1] = '>';
                var bounded = word[..(length + 2)];
                output.Add(FeatureHasher.Add(WordSpace, bounded));
                if (length > StemLength)
                {
                    output.Add(FeatureHasher.Add(StemSpace, bounded[..(StemLength + 1)]));
                }

                for (var n = 3; n <= 5; n++)
                {
                    for (var j = 0; j + n <= bounded.Length; j++)
                    {
                        output.Add(FeatureHasher.Add(FeatureHasher.Add(GramSpace, n), bounded.Slice(j, n)));
                    }
                }

                start = -1;
            }

            if (i < span.Length && !char.IsWhiteSpace(span[i]) && !char.IsLetterOrDigit(span[i]))
            {
                AddSymbol(span[i], output);
            }
        }

        output.EndGroup();
    }

    /// <summary>A symbol by its class: currency, percent and the like by itself, emoji and other pictographs as one.</summary>
    private static void AddSymbol(char c, SparseFeatures output)
    {
        var category = char.GetUnicodeCategory(c);
        var token = category switch
        {
            System.Globalization.UnicodeCategory.CurrencySymbol => '¤',
            System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherSymbol => '☺',
            _ => c,
        };
        output.Add(FeatureHasher.Add(SymbolSpace, token), 0.5f);
    }

    /// <summary>Scores every block with <paramref name="stage"/> and merges its verdict into the base probabilities.</summary>
    internal float[] Combine(PreparedPage page, float[] baseProbabilities, LinearScorer stage, ReadOnlySpan<float> offsets)
    {
        var k = BaseLabels;
        var all = k + offsets.Length;
        var result = new float[page.Count * all];
        Span<float> verdict = stackalloc float[offsets.Length + 1];
        Span<float> shifted = stackalloc float[offsets.Length + 1];
        for (var i = 0; i < page.Count; i++)
        {
            var (indices, values) = Extract(page, i, baseProbabilities);
            stage.Score(indices.Span, values.Span, verdict);
            AddedLabelStage.Shift(verdict, offsets, shifted);
            AddedLabelStage.Merge(baseProbabilities.AsSpan(i * k, k), shifted, result.AsSpan(i * all, all));
        }

        return result;
    }
}
