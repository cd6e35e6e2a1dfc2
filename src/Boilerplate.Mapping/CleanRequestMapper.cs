using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Protos.V1;
using DomainCleanOptions = Boilerplate.Core.Cleaning.CleanOptions;
using DomainRepairMode = Boilerplate.Core.Repair.RepairMode;

namespace Boilerplate.Mapping;

/// <summary>
/// Turns a protobuf request into the domain's page and options. It refuses only what cannot be translated (no
/// content, an unknown enum value); the domain checks the options (<see cref="CleanOptionsValidator"/>).
/// </summary>
public static class CleanRequestMapper
{
    /// <summary>The page the request carries.</summary>
    /// <exception cref="PageRejectedException"><see cref="PageRejection.EmptyPage"/>: no content, or empty content.</exception>
    public static PageInput ToInput(CleanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = string.IsNullOrEmpty(request.Url) ? null : request.Url;
        PageInput input = request.ContentCase switch
        {
            CleanRequest.ContentOneofCase.Html when request.Html.Length > 0 => new PageInput.Html(request.Html),
            CleanRequest.ContentOneofCase.HtmlBytes when request.HtmlBytes.Length > 0 => new PageInput.HtmlBytes(
                request.HtmlBytes.Memory,
                string.IsNullOrEmpty(request.ContentType) ? null : request.ContentType),
            CleanRequest.ContentOneofCase.Text when request.Text.Length > 0 => new PageInput.Text(request.Text),
            CleanRequest.ContentOneofCase.Paragraphs when request.Paragraphs.Items.Count > 0 =>
                new PageInput.Paragraphs(request.Paragraphs.Items),
            CleanRequest.ContentOneofCase.None => throw new PageRejectedException(
                PageRejection.EmptyPage,
                "content",
                "The request has no content: set one of html, html_bytes, text or paragraphs."),
            _ => throw new PageRejectedException(
                PageRejection.EmptyPage,
                FieldName(request.ContentCase),
                $"The request's {FieldName(request.ContentCase)} is empty; send the page's content."),
        };
        return input with { Url = url };
    }

    /// <summary>
    /// The domain options the request's options stand for, as sent: the domain checks them against the model
    /// (<see cref="CleanOptionsValidator"/>), so the service, the CLI and the library refuse alike.
    /// </summary>
    /// <exception cref="PageRejectedException">An <c>options.repair_text</c> this version of the proto does not know.</exception>
    public static DomainCleanOptions ToOptions(Protos.V1.CleanOptions? options)
    {
        if (options is null)
        {
            return DomainCleanOptions.Default;
        }

        return new DomainCleanOptions
        {
            Bias = options.Bias,
            // 0 is the proto's "unset"; any other value goes to the domain, which refuses one out of range.
            Threshold = options.Threshold != 0f ? options.Threshold : null,
            KeepLabels = options.KeepLabels.Count > 0 ? [.. options.KeepLabels] : DomainCleanOptions.Default.KeepLabels,
            IncludeMarkdown = options.IncludeMarkdown,
            IncludeHtml = options.IncludeHtml,
            KeepDuplicates = options.KeepDuplicates,
            RepairText = ToRepairMode(options.RepairText),
        };
    }

    /// <summary>The domain's repair mode; a value this version does not know is refused rather than guessed.</summary>
    /// <exception cref="PageRejectedException">An unknown <c>options.repair_text</c>.</exception>
    public static DomainRepairMode ToRepairMode(RepairMode mode) => mode switch
    {
        RepairMode.Unspecified or RepairMode.Auto => DomainRepairMode.Auto,
        RepairMode.Off => DomainRepairMode.Off,
        RepairMode.On => DomainRepairMode.On,
        _ => throw Invalid("options.repair_text", $"options.repair_text is {(int)mode}; it must be REPAIR_MODE_AUTO (1), REPAIR_MODE_OFF (2) or REPAIR_MODE_ON (3)."),
    };

    private static PageRejectedException Invalid(string field, string message) => new(PageRejection.InvalidOption, field, message);

    private static string FieldName(CleanRequest.ContentOneofCase field) => field switch
    {
        CleanRequest.ContentOneofCase.Html => "html",
        CleanRequest.ContentOneofCase.HtmlBytes => "html_bytes",
        CleanRequest.ContentOneofCase.Text => "text",
        _ => "paragraphs",
    };
}
