using Boilerplate.Core.Input;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Training.Evaluation;

/// <summary>What each <see cref="EvaluationMode"/> hands the pipeline.</summary>
public static class EvaluationModes
{
    /// <summary>HTML and the default plain text: the forms training reports and cross-validation score.</summary>
    public static IReadOnlyList<EvaluationMode> Standard { get; } = [EvaluationMode.Html, EvaluationMode.Text];

    /// <summary>The other plain-text forms: two more ways scrapers hand a page over without its markup.</summary>
    public static IReadOnlyList<EvaluationMode> Scraped { get; } = [EvaluationMode.TextNodes, EvaluationMode.SourceLines];

    /// <summary>Whether the page goes in with its markup.</summary>
    public static bool IsHtml(this EvaluationMode mode) => mode == EvaluationMode.Html;

    /// <summary>The input <paramref name="html"/> becomes in <paramref name="mode"/>.</summary>
    public static string Render(this EvaluationMode mode, string html) => mode switch
    {
        EvaluationMode.Html => html,
        EvaluationMode.TextNodes => PlainTextView.Render(html, PlainTextLayout.TextNodes),
        EvaluationMode.SourceLines => PlainTextView.Render(html, PlainTextLayout.SourceLines),
        _ => PlainTextView.Render(html),
    };

    /// <summary>The request the pipeline gets for a page already rendered in <paramref name="mode"/> (<see cref="Render"/>).</summary>
    public static PageInput ToInput(this EvaluationMode mode, string rendered, string? url) =>
        mode.IsHtml() ? new PageInput.Html(rendered) { Url = url } : new PageInput.Text(rendered) { Url = url };

    /// <summary>The mode's name in reports: html, text, text-nodes, text-source.</summary>
    public static string Name(this EvaluationMode mode) => mode switch
    {
        EvaluationMode.Html => "html",
        EvaluationMode.TextNodes => "text-nodes",
        EvaluationMode.SourceLines => "text-source",
        _ => "text",
    };
}
