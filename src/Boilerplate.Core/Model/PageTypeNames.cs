namespace Boilerplate.Core.Model;

/// <summary>Page types that rules act on, as the default model names them (WCXB's page types).</summary>
public static class PageTypeNames
{
    /// <summary>A news story, blog post or guide.</summary>
    public const string Article = "article";

    /// <summary>A discussion thread: its posts are the content, their posters the authors.</summary>
    public const string Forum = "forum";
}
