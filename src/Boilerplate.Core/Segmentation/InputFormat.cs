namespace Boilerplate.Core.Segmentation;

/// <summary>Whether blocks came from markup (DOM features available) or from bare text.</summary>
public enum InputFormat
{
    Html,
    Text,
}
