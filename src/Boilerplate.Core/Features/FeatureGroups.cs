namespace Boilerplate.Core.Features;

/// <summary>Groups of features a model uses; switching one off is how the ablation measures what it is worth.</summary>
[Flags]
public enum FeatureGroups
{
    /// <summary>No features (only meaningful as a starting point).</summary>
    None = 0,

    /// <summary>Hashed word unigrams and bigrams of the block.</summary>
    Words = 1,

    /// <summary>Hashed character 3-grams of the block (works for unspaced scripts).</summary>
    CharNgrams = 2,

    /// <summary>Length, words, word length, punctuation, digits, capitals, sentence ends, block kind.</summary>
    Shape = 4,

    /// <summary>Tag, ancestor tags, class/id tokens, link share, depth; absent for text input.</summary>
    Dom = 8,

    /// <summary>Where the block sits in the page.</summary>
    Position = 16,

    /// <summary>Shape and tag of the adjacent blocks, and the first stage's scores of blocks around it.</summary>
    Neighbours = 32,

    /// <summary>
    /// The container group: how the first stage's scores concentrate in the block's container (ContainerId), in the
    /// page and in the element holding most of each label's text, and how far the block shares each label's words.
    /// Named Subtree because model files store the group names and hash them into the model version.
    /// </summary>
    Subtree = 64,

    /// <summary>The page's type as the page-type model tells it (probability of each type), when the model tells types.</summary>
    PageType = 128,

    /// <summary>Everything.</summary>
    All = Words | CharNgrams | Shape | Dom | Position | Neighbours | Subtree | PageType,
}
