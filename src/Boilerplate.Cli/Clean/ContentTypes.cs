namespace Boilerplate.Cli.Clean;

/// <summary>What <c>--content-type</c> accepts and what it means for how a page is read.</summary>
internal static class ContentTypes
{
    /// <summary>Longest value accepted; a real header is a few dozen characters.</summary>
    public const int MaxChars = 256;

    /// <summary>
    /// <see cref="PageFormat.Html"/> for text/html and application/xhtml+xml, <see cref="PageFormat.Text"/> for any other
    /// text/* type, null for no value.
    /// </summary>
    /// <exception cref="ArgumentException">Any other media type: no page can be read from it.</exception>
    public static PageFormat? FormatOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
        {
            return PageFormat.Html;
        }

        if (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && mediaType.Length > "text/".Length)
        {
            return PageFormat.Text;
        }

        throw new ArgumentException($"--content-type '{contentType}' is not a page: give text/html, application/xhtml+xml or a text/* type such as text/plain.");
    }

    /// <summary>The problem with <paramref name="contentType"/>, or null when it is usable.</summary>
    public static string? Check(string contentType)
    {
        if (contentType.Length > MaxChars)
        {
            return $"--content-type is longer than {MaxChars} characters.";
        }

        try
        {
            FormatOf(contentType);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
