namespace Boilerplate.Cli.Clean;

/// <summary>What <c>clean --format</c> writes for each page.</summary>
internal enum OutputFormat
{
    /// <summary>One JSON object a line per page (the default, and what a folder always gets).</summary>
    Json,

    /// <summary>The kept text.</summary>
    Text,

    /// <summary>The kept article as Markdown.</summary>
    Markdown,

    /// <summary>The kept article as clean HTML.</summary>
    Html,
}
