namespace Boilerplate.Core.Features;

/// <summary>How a <see cref="ContextSlot"/>'s width grows with the model it serves.</summary>
public enum SlotScale
{
    /// <summary>The same width in every model.</summary>
    Fixed,

    /// <summary>Times the number of labels: one value per label.</summary>
    PerLabel,

    /// <summary>Times the number of page types the model tells (0 when it tells none).</summary>
    PerPageType,
}

/// <summary>
/// One named run of values in a second-stage row: <see cref="Width"/> values, each repeated per label or per page type
/// as <see cref="Scale"/> says. <see cref="Index"/> is its place in <see cref="ContextFeatureLayout.Slots"/>.
/// </summary>
public sealed record ContextSlot(string Name, int Width, SlotScale Scale, int Index);

/// <summary>
/// The order of the second stage's row (<see cref="ContextFeatureExtractor"/>): every slot by name, each starting
/// where the ones before it end. The trained trees read features by position, so changing this order, a width or a
/// slot's meaning changes what every model reads: bump <see cref="FeatureSchema.Version"/> and retrain
/// (CONTRIBUTING.md); <c>ContextFeatureLayoutTests</c> pins the layout of the current version.
/// </summary>
public sealed class ContextFeatureLayout
{
    // Declared first: static initialisers run in textual order, so each slot below is appended in declaration order,
    // and that order is the row's.
    private static readonly List<ContextSlot> Order = [];

    // The first stage's label probabilities: of the block, of its neighbours, of windows around it.

    /// <summary>The block's own first-stage probabilities.</summary>
    public static readonly ContextSlot Probabilities = PerLabel("probabilities");

    /// <summary>The block before (-1 where there is none).</summary>
    public static readonly ContextSlot Previous = PerLabel("previous");

    /// <summary>The block after (-1 where there is none).</summary>
    public static readonly ContextSlot Next = PerLabel("next");

    /// <summary>Two blocks before (-1 where there is none).</summary>
    public static readonly ContextSlot SecondPrevious = PerLabel("second-previous");

    /// <summary>Two blocks after (-1 where there is none).</summary>
    public static readonly ContextSlot SecondNext = PerLabel("second-next");

    /// <summary>Mean over the near window around the block, the block left out.</summary>
    public static readonly ContextSlot NearWindow = PerLabel("near-window");

    /// <summary>Mean over the far window around the block, the block left out.</summary>
    public static readonly ContextSlot FarWindow = PerLabel("far-window");

    /// <summary>Log of 1 + the blocks back to the nearest one the first stage gives the label (capped).</summary>
    public static readonly ContextSlot DistanceBefore = PerLabel("distance-before");

    /// <summary>Log of 1 + the blocks on to the nearest one the first stage gives the label (capped).</summary>
    public static readonly ContextSlot DistanceAfter = PerLabel("distance-after");

    // Where each label's scores concentrate: the container, the page, the words, the markup (the Subtree group).

    /// <summary>Mean over the block's container (ContainerId); -1 for a block without markup.</summary>
    public static readonly ContextSlot Container = PerLabel("container");

    /// <summary>Mean over the page.</summary>
    public static readonly ContextSlot PageMean = PerLabel("page-mean");

    /// <summary>The block's probability less the page's mean.</summary>
    public static readonly ContextSlot FromPageMean = PerLabel("from-page-mean");

    /// <summary>Share of the label's page mass in the blocks before: before the article, inside it, after it.</summary>
    public static readonly ContextSlot MassBefore = PerLabel("mass-before");

    /// <summary>How far the block shares the words of each label's blocks (<see cref="TopicCoherence"/>).</summary>
    public static readonly ContextSlot Coherence = PerLabel("coherence");

    /// <summary>Inside each label's root, and that root's share of the page (<see cref="ArticleRoot"/>), per label.</summary>
    public static readonly ContextSlot ArticleRoots = PerLabel("article-root", ArticleRoot.PerLabel);

    // The block's own facts, one value each.

    /// <summary>1 for HTML input, 0 for plain text.</summary>
    public static readonly ContextSlot IsHtml = Fact("is-html");

    /// <summary>Log of 1 + the characters, dense scripts weighted up (Shape).</summary>
    public static readonly ContextSlot LogWeightedChars = Fact("log-weighted-chars");

    /// <summary>Log of 1 + the words (Shape).</summary>
    public static readonly ContextSlot LogWords = Fact("log-words");

    /// <summary>Average word length (Shape).</summary>
    public static readonly ContextSlot AverageWordLength = Fact("average-word-length");

    /// <summary>Share of punctuation (Shape).</summary>
    public static readonly ContextSlot PunctuationRatio = Fact("punctuation-ratio");

    /// <summary>Share of digits (Shape).</summary>
    public static readonly ContextSlot DigitRatio = Fact("digit-ratio");

    /// <summary>Share of upper-case letters (Shape).</summary>
    public static readonly ContextSlot UpperRatio = Fact("upper-ratio");

    /// <summary>Share of capitalised words (Shape).</summary>
    public static readonly ContextSlot CapitalisedWordRatio = Fact("capitalised-word-ratio");

    /// <summary>Sentence ends, capped (Shape).</summary>
    public static readonly ContextSlot SentenceEnds = Fact("sentence-ends");

    /// <summary>1 if it ends with a sentence mark, + 2 if it starts upper-case (Shape).</summary>
    public static readonly ContextSlot SentenceShape = Fact("sentence-shape");

    /// <summary>Separators such as | and ·, capped (Shape).</summary>
    public static readonly ContextSlot Separators = Fact("separators");

    /// <summary>1 when it holds a copyright sign (Shape).</summary>
    public static readonly ContextSlot CopyrightSign = Fact("copyright-sign");

    /// <summary>The block's kind as a number (Shape).</summary>
    public static readonly ContextSlot Kind = Fact("kind");

    /// <summary>Heading or list level (Shape).</summary>
    public static readonly ContextSlot Level = Fact("level");

    /// <summary>Share of the page's characters (Shape).</summary>
    public static readonly ContextSlot CharShare = Fact("char-share");

    /// <summary>Share of the text inside links; -1 without markup (Dom).</summary>
    public static readonly ContextSlot LinkTextShare = Fact("link-text-share");

    /// <summary>Log of 1 + the links; -1 without markup (Dom).</summary>
    public static readonly ContextSlot LogLinkCount = Fact("log-link-count");

    /// <summary>Depth in the markup; -1 without markup (Dom).</summary>
    public static readonly ContextSlot Depth = Fact("depth");

    /// <summary>Log of the blocks in its container; -1 without one (Dom).</summary>
    public static readonly ContextSlot LogContainerSize = Fact("log-container-size");

    /// <summary>Place in the page from 0 to 1 (Position).</summary>
    public static readonly ContextSlot RelativePosition = Fact("relative-position");

    /// <summary>Log of 1 + the blocks before (Position).</summary>
    public static readonly ContextSlot LogBlocksBefore = Fact("log-blocks-before");

    /// <summary>Log of the blocks from it to the end (Position).</summary>
    public static readonly ContextSlot LogBlocksToEnd = Fact("log-blocks-to-end");

    /// <summary>Log of the page's blocks (Position).</summary>
    public static readonly ContextSlot LogPageBlocks = Fact("log-page-blocks");

    /// <summary>1 when the block has markup.</summary>
    public static readonly ContextSlot HasMarkup = Fact("has-markup");

    /// <summary>The legal lexicon's phrases in the block, capped (Shape).</summary>
    public static readonly ContextSlot LegalPhrases = Fact("legal-phrases");

    /// <summary>1 when its markup names legal content; -1 without markup (Dom).</summary>
    public static readonly ContextSlot LegalAttribute = Fact("legal-attribute");

    /// <summary>The share of the block that a stock navigation phrase it opens with covers (<see cref="NavigationLexicon"/>, Shape).</summary>
    public static readonly ContextSlot NavigationPhrase = Fact("navigation-phrase");

    // The page as a whole.

    /// <summary>The page-type model's probability of each type (PageType).</summary>
    public static readonly ContextSlot PageTypes = Add("page-types", 1, SlotScale.PerPageType);

    private readonly int[] _offsets;
    private readonly int _labels;
    private readonly int _pageTypes;

    /// <summary>The layout of a model with <paramref name="labels"/> labels that reads <paramref name="pageTypes"/> page types.</summary>
    public ContextFeatureLayout(int labels, int pageTypes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(labels);
        ArgumentOutOfRangeException.ThrowIfNegative(pageTypes);
        _labels = labels;
        _pageTypes = pageTypes;
        _offsets = new int[Order.Count];
        var at = 0;
        foreach (var slot in Order)
        {
            _offsets[slot.Index] = at;
            at += Width(slot);
        }

        Dimension = at;
    }

    /// <summary>Every slot, in the row's order.</summary>
    public static IReadOnlyList<ContextSlot> Slots => Order;

    /// <summary>Values per row: the sum of the slots' widths.</summary>
    public int Dimension { get; }

    /// <summary>Where <paramref name="slot"/> starts in a row.</summary>
    public int Offset(ContextSlot slot) => _offsets[slot.Index];

    /// <summary>How many values <paramref name="slot"/> holds in this model.</summary>
    public int Width(ContextSlot slot) => slot.Width * slot.Scale switch
    {
        SlotScale.PerLabel => _labels,
        SlotScale.PerPageType => _pageTypes,
        _ => 1,
    };

    /// <summary>The values of <paramref name="slot"/> in <paramref name="row"/>.</summary>
    public Span<float> Of(Span<float> row, ContextSlot slot) => row.Slice(Offset(slot), Width(slot));

    private static ContextSlot PerLabel(string name, int width = 1) => Add(name, width, SlotScale.PerLabel);

    private static ContextSlot Fact(string name) => Add(name, 1, SlotScale.Fixed);

    private static ContextSlot Add(string name, int width, SlotScale scale)
    {
        var slot = new ContextSlot(name, width, scale, Order.Count);
        Order.Add(slot);
        return slot;
    }
}
