using Boilerplate.Core.Segmentation.Html;

namespace Boilerplate.Core.Segmentation;

/// <summary>
/// Splits the naming attributes of an element (class, id, role, itemprop, aria-label) into feature tokens. One
/// instance serves one page: it hands out one string per distinct token, since pages repeat their class names.
/// </summary>
internal sealed class AttributeTokens
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _splits = new(StringComparer.Ordinal);

    /// <summary>Most tokens kept for one block (its own and its ancestors', nearest first).</summary>
    public const int MaxTokens = 40;

    private static readonly LiteAttribute[] NamingAttributes =
        [LiteAttribute.Class, LiteAttribute.Id, LiteAttribute.Role, LiteAttribute.ItemProp, LiteAttribute.AriaLabel];

    // Only the start of a giant attribute is read: the naming words of real pages come first, and a hostile
    // megabyte of class names must not cost a megabyte of tokens per block.
    private const int MaxAttributeChars = 512;

    private const int MaxTokenChars = 32;

    /// <summary>
    /// The element's tokens: lower case, split on anything but letters and digits, digit-only tokens (ids, hashes)
    /// and over-long tokens dropped.
    /// </summary>
    public string[] Of(LiteNode element)
    {
        string[]? only = null;
        List<string>? tokens = null;
        foreach (var name in NamingAttributes)
        {
            if (!element.TryGetAttribute(name, out var value) || value.IsEmpty)
            {
                continue;
            }

            var split = Split(value[..Math.Min(value.Length, MaxAttributeChars)]);
            if (split.Length == 0)
            {
                continue;
            }

            if (only is null && tokens is null)
            {
                only = split;
                continue;
            }

            if (tokens is null)
            {
                tokens = [.. only!];
                only = null;
            }

            tokens.AddRange(split);
        }

        return tokens is not null ? [.. tokens] : only ?? [];
    }

    /// <summary>
    /// The tokens of one attribute value, split once per distinct value: a page writes the same class string on every
    /// item of a menu or grid. The arrays are shared, so callers only read them.
    /// </summary>
    private string[] Split(ReadOnlySpan<char> value)
    {
        var lookup = _splits.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var known))
        {
            return known;
        }

        List<string>? tokens = null;
        var start = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && char.IsLetterOrDigit(value[i]))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                var token = value[start..i];
                if (token.Length <= MaxTokenChars && !IsDigits(token))
                {
                    (tokens ??= []).Add(Intern(token));
                }

                start = -1;
            }
        }

        string[] split = tokens is null ? [] : [.. tokens];
        _splits[value.ToString()] = split;
        return split;
    }

    private string Intern(ReadOnlySpan<char> token)
    {
        Span<char> lower = stackalloc char[MaxTokenChars];
        var length = token.ToLowerInvariant(lower);
        var lookup = _seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(lower[..length], out var interned))
        {
            interned = lower[..length].ToString();
            _seen[interned] = interned;
        }

        return interned;
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
