namespace Boilerplate.Cli.Peers;

/// <summary>What a system kept of a page, and what keeping it cost.</summary>
/// <param name="Title">The title it found, or empty.</param>
/// <param name="Text">The article as text: one paragraph a block, paragraphs joined by blank lines.</param>
/// <param name="Elapsed">Time spent on this page by the system itself (no process start-up, no transport).</param>
/// <param name="Error">Why the system failed on the page; null when it did not. A failed page scores as an empty extraction.</param>
public sealed record ExtractedArticle(string Title, string Text, TimeSpan Elapsed, string? Error = null);
