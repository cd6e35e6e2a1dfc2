namespace Boilerplate.Cli.Peers;

/// <summary>A page handed to an extractor: decoded HTML, the same text for every system so none is charged for decoding.</summary>
/// <param name="Id">The page's id in its corpus.</param>
/// <param name="Url">The page's URL when known.</param>
/// <param name="Html">The page decoded to text.</param>
public sealed record PageToExtract(string Id, string? Url, string Html);
