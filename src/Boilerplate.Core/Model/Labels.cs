namespace Boilerplate.Core.Model;

/// <summary>
/// The labels of the default model, named once: training derives them, cleaning keeps <see cref="Body"/> by default,
/// and the service refuses a model without it.
/// </summary>
public static class Labels
{
    /// <summary>The article text.</summary>
    public const string Body = "body";

    /// <summary>Menus, links, prompts and any other boilerplate that is not legal.</summary>
    public const string Navigation = "navigation";

    /// <summary>Cookie and consent notices, copyright, privacy, terms, disclaimers, imprints.</summary>
    public const string Legal = "legal";

    /// <summary>The default model's labels, in score order.</summary>
    public static IReadOnlyList<string> Default { get; } = [Body, Navigation, Legal];
}
