namespace Boilerplate.Core.Metadata;

/// <summary>Normalizes what pages write for a language ("en_US", "EN-us", "en, fr") to one BCP 47 tag.</summary>
public static class LanguageTag
{
    /// <summary>The first tag of <paramref name="value"/> in BCP 47 case (<c>en-US</c>, <c>zh-Hant</c>), or empty when it is none.</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
        {
            return string.Empty;
        }

        var first = value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        var parts = first.Replace('_', '-').Split('-');
        if (parts.Length == 0 || parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter))
        {
            return string.Empty;
        }

        var tag = new List<string>(parts.Length) { parts[0].ToLowerInvariant() };
        foreach (var part in parts.Skip(1))
        {
            if (part.Length is 0 or > 8 || !part.All(char.IsAsciiLetterOrDigit))
            {
                break;
            }

            tag.Add(part.Length switch
            {
                2 when part.All(char.IsAsciiLetter) => part.ToUpperInvariant(),
                4 when part.All(char.IsAsciiLetter) => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant(),
                _ => part.ToLowerInvariant(),
            });
        }

        return tag[0] is "und" or "zxx" or "mul" ? string.Empty : string.Join('-', tag);
    }

    /// <summary>The primary language subtag of <paramref name="tag"/> ("pt" of "pt-BR").</summary>
    public static string Primary(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? tag : tag[..dash];
    }
}
