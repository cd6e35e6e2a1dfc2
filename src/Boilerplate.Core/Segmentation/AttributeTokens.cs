using AngleSharp.Dom;

namespace Boilerplate.Core.Segmentation;

/// <summary>Splits the naming attributes of an element (class, id, role, itemprop, aria-label) into feature tokens.</summary>
internal static class AttributeTokens
{
    /// <summary>Most tokens kept for one block (its own and its ancestors', nearest first).</summary>
    public const int MaxTokens = 40;

    private static readonly string[] NamingAttributes = ["class", "id", "role", "itemprop", "aria-label"];

    // Only the start of a giant attribute is read: the naming words of real pages come first, and a hostile
    // megabyte of class names must not cost a megabyte of tokens per block.
    private const int MaxAttributeChars = 512;

    private const int MaxTokenChars = 32;

    /// <summary>
    /// The element's tokens: lower case, split on anything but letters and digits, digit-only tokens (ids, hashes)
    /// and over-long tokens dropped.
    /// </summary>
    public static string[] Of(IElement element)
    {
        List<string>? tokens = null;
        foreach (var name in NamingAttributes)
        {
            var value = element.GetAttribute(name);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            var span = value.AsSpan(0, Math.Min(value.Length, MaxAttributeChars));
            var start = -1;
            for (var i = 0; i <= span.Length; i++)
            {
                if (i < span.Length && char.IsLetterOrDigit(span[i]))
                {
                    if (start < 0)
                    {
                        start = i;
                    }

                    continue;
                }

                if (start >= 0)
                {
                    var token = span[start..i];
                    if (token.Length <= MaxTokenChars && !IsDigits(token))
                    {
                        (tokens ??= []).Add(token.ToString().ToLowerInvariant());
                    }

                    start = -1;
                }
            }
        }

        return tokens is null ? [] : [.. tokens];
    }

    private static bool IsDigits(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
