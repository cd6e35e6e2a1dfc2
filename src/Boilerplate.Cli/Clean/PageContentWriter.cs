using Boilerplate.Protos.V1;

namespace Boilerplate.Cli.Clean;

/// <summary>
/// Writes one page's content as is (text, Markdown or HTML) for <c>clean PAGE --format text|markdown|html</c>: what a
/// reader or a pipe wants from a single page. A failure goes to <paramref name="errors"/>, so the output holds only
/// content.
/// </summary>
internal sealed class PageContentWriter(TextWriter output, TextWriter errors, OutputFormat format) : IPageWriter
{
    public async Task WriteAsync(PageFile page, CleanResponse response, CleanOptions options, CancellationToken cancellationToken)
    {
        var content = format switch
        {
            OutputFormat.Markdown => response.Markdown,
            OutputFormat.Html => response.Html,
            _ => response.Text,
        };
        await output.WriteLineAsync(content.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteErrorAsync(PageFile page, string error, CancellationToken cancellationToken) =>
        await errors.WriteLineAsync($"{page.Path}: {error}".AsMemory(), cancellationToken).ConfigureAwait(false);
}
