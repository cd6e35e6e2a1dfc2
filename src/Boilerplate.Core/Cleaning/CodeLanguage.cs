namespace Boilerplate.Core.Cleaning;

/// <summary>A code block's language as output may carry it: a class name or fence info string is markup too.</summary>
internal static class CodeLanguage
{
    /// <summary>Longest language name kept.</summary>
    public const int MaxChars = 32;

    /// <summary>The language when it is a plain name (letters, digits, + # . _ -), else null.</summary>
    public static string? Safe(string? language)
    {
        if (string.IsNullOrEmpty(language) || language.Length > MaxChars)
        {
            return null;
        }

        foreach (var c in language)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '#' or '.' or '_' or '-'))
            {
                return null;
            }
        }

        return language;
    }
}
