namespace Boilerplate.Core.Segmentation.Html;

/// <summary>
/// The attributes a <see cref="LiteDocument"/> keeps: those segmentation, titles and page metadata read. Every other attribute is
/// skipped while tokenizing, so the megabytes of data-* and srcset on real pages cost no memory.
/// </summary>
internal enum LiteAttribute : byte
{
    /// <summary>Not kept.</summary>
    None,
    Class,
    Id,
    Role,
    ItemProp,
    AriaLabel,
    AriaHidden,
    Hidden,
    Style,
    Open,
    Href,
    Property,
    Content,

    // Page metadata (Metadata/MarkupMetadataReader): never read by segmentation or features.
    Name,
    Lang,
    Rel,
    DateTime,
    HttpEquiv,
    Type,
}

/// <summary>Maps attribute names to <see cref="LiteAttribute"/>.</summary>
internal static class LiteAttributes
{
    /// <summary>The kept attribute named <paramref name="name"/> (lower case), else <see cref="LiteAttribute.None"/>.</summary>
    public static LiteAttribute Of(ReadOnlySpan<char> name) => name switch
    {
        "class" => LiteAttribute.Class,
        "id" => LiteAttribute.Id,
        "role" => LiteAttribute.Role,
        "itemprop" => LiteAttribute.ItemProp,
        "aria-label" => LiteAttribute.AriaLabel,
        "aria-hidden" => LiteAttribute.AriaHidden,
        "hidden" => LiteAttribute.Hidden,
        "style" => LiteAttribute.Style,
        "open" => LiteAttribute.Open,
        "href" => LiteAttribute.Href,
        "property" => LiteAttribute.Property,
        "content" => LiteAttribute.Content,
        "name" => LiteAttribute.Name,
        "lang" => LiteAttribute.Lang,
        "rel" => LiteAttribute.Rel,
        "datetime" => LiteAttribute.DateTime,
        "http-equiv" => LiteAttribute.HttpEquiv,
        "type" => LiteAttribute.Type,
        _ => LiteAttribute.None,
    };
}
