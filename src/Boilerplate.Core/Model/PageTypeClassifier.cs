using Boilerplate.Core.Features;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Model;

/// <summary>
/// Tells a page's type (the WCXB types: article, forum, product, collection, listing, documentation, service) from
/// <see cref="PageTypeFeatures"/> with a linear model trained beside the block stages and stored in the same file.
/// Plain text carries no markup and often no URL, so a text page gets a type only when the model is fairly sure.
/// Public because training (Boilerplate.Training) scores page types with it while fitting the block stages.
/// </summary>
public sealed class PageTypeClassifier
{
    /// <summary>Probability the likeliest type of a text page needs to be told.</summary>
    public const float TextConfidence = 0.6f;

    /// <summary>Wraps <paramref name="scorer"/>, whose fit with <paramref name="types"/> the model file's loader checks.</summary>
    public PageTypeClassifier(LinearScorer scorer, IReadOnlyList<string> types)
    {
        Scorer = scorer;
        Types = types;
    }

    /// <summary>The types, in score order.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The scorer, for the model's content hash.</summary>
    public LinearScorer Scorer { get; }

    /// <summary>The probability of each type, in <see cref="Types"/> order.</summary>
    public void Probabilities(PreparedPage page, Span<float> probabilities) => Probabilities(Scorer, page, probabilities);

    /// <summary>The probability of each type by <paramref name="scorer"/>, a page-type model's weights.</summary>
    public static void Probabilities(LinearScorer scorer, PreparedPage page, Span<float> probabilities)
    {
        var features = new SparseFeatures();
        PageTypeFeatures.Extract(page, features);
        scorer.Score(features, probabilities);
    }

    /// <summary>The page's type, or empty when a text page's type cannot be told.</summary>
    public string Predict(PreparedPage page)
    {
        Span<float> probabilities = stackalloc float[Types.Count];
        Probabilities(page, probabilities);
        return Name(page, probabilities);
    }

    /// <summary>The type these probabilities of <paramref name="page"/> tell, or empty when a text page's cannot be told.</summary>
    public string Name(PreparedPage page, ReadOnlySpan<float> probabilities)
    {
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return page.Page.Format == InputFormat.Html || probabilities[best] >= TextConfidence ? Types[best] : string.Empty;
    }
}
