namespace Boilerplate.Core.Segmentation;

/// <summary>Structural kind of a block; drives Markdown output and is a model feature.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
    TableRow,
    Code,
    Other,
}
