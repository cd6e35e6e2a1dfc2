namespace Boilerplate.Core.Segmentation;

/// <summary>How <see cref="PlainTextView"/> breaks a page's text into lines: the ways scrapers hand text over.</summary>
public enum PlainTextLayout
{
    /// <summary>A line per block element (a browser's innerText, most HTML-to-text converters).</summary>
    BlockLines,

    /// <summary>A line per text node, so a link inside a sentence is a line of its own (get_text with a newline separator).</summary>
    TextNodes,

    /// <summary>The text nodes run together, broken only where the page's source text has line breaks (get_text without one).</summary>
    SourceLines,
}
