namespace Boilerplate.Cli.Peers;

/// <summary>A page handed to an extractor, both as fetched and decoded, so each system gets the form it takes.</summary>
/// <param name="Id">The page's id in its corpus.</param>
/// <param name="Url">The page's URL when known.</param>
/// <param name="Bytes">The page as fetched (undecoded HTML).</param>
/// <param name="Html">The same page decoded to text.</param>
public sealed record PageToExtract(string Id, string? Url, ReadOnlyMemory<byte> Bytes, string Html);
