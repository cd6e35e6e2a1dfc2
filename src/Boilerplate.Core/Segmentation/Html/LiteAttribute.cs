namespace Boilerplate.Core.Segmentation.Html;

/// <summary>
/// The attributes a <see cref="LiteDocument"/> keeps: those segmentation, titles, rendered images and links, and page metadata read. Every other attribute is
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
    AriaModal,
    AriaControls,
    TabIndex,
    Hidden,
    Style,
    Open,
    Href,
    Property,
    Content,

    // Read only to render images and links (Markdown, HTML out); never by features.
    Src,
    Alt,
    Srcset,
    DataSrc,
    DataLazySrc,
    DataSrcset,
    Width,
    Height,
    // Page metadata (Metadata/MarkupMetadataReader): never read by segmentation or features.
    Name,
    Lang,
    Rel,
    DateTime,
    HttpEquiv,
    Type,
    Author,
    DataAuthor,
    DataUsername,
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
        "aria-modal" => LiteAttribute.AriaModal,
        "aria-controls" => LiteAttribute.AriaControls,
        "tabindex" => LiteAttribute.TabIndex,
        "hidden" => LiteAttribute.Hidden,
        "style" => LiteAttribute.Style,
        "open" => LiteAttribute.Open,
        "href" => LiteAttribute.Href,
        "property" => LiteAttribute.Property,
        "content" => LiteAttribute.Content,
        "src" => LiteAttribute.Src,
        "alt" => LiteAttribute.Alt,
        "srcset" => LiteAttribute.Srcset,
        "data-src" => LiteAttribute.DataSrc,
        "data-lazy-src" => LiteAttribute.DataLazySrc,
        "data-srcset" => LiteAttribute.DataSrcset,
        "width" => LiteAttribute.Width,
        "height" => LiteAttribute.Height,
        "name" => LiteAttribute.Name,
        "lang" => LiteAttribute.Lang,
        "rel" => LiteAttribute.Rel,
        "datetime" => LiteAttribute.DateTime,
        "http-equiv" => LiteAttribute.HttpEquiv,
        "type" => LiteAttribute.Type,
        "author" => LiteAttribute.Author,
        "data-author" => LiteAttribute.DataAuthor,
        "data-username" => LiteAttribute.DataUsername,
        _ => LiteAttribute.None,
    };
}
