namespace Boilerplate.Training.Evaluation;

/// <summary>How a labelled page is fed to the classifier.</summary>
public enum EvaluationMode
{
    /// <summary>As HTML, with its markup.</summary>
    Html,

    /// <summary>As the plain text a naive scraper would extract (Core.Segmentation.PlainTextView): no markup at all.</summary>
    Text,

    /// <summary>As plain text with a line per text node (<see cref="Core.Segmentation.PlainTextLayout.TextNodes"/>): a link inside a sentence is a line.</summary>
    TextNodes,

    /// <summary>As plain text broken only where the page's source has line breaks (<see cref="Core.Segmentation.PlainTextLayout.SourceLines"/>).</summary>
    SourceLines,
}
