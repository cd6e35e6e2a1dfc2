namespace Boilerplate.Training.Evaluation;

/// <summary>How a labelled page is fed to the classifier.</summary>
public enum EvaluationMode
{
    /// <summary>As HTML, with its markup.</summary>
    Html,

    /// <summary>As the plain text a naive scraper would extract (Core.Segmentation.PlainTextView): no markup at all.</summary>
    Text,
}
