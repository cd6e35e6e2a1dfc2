using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Protos.V1;
using DomainCleanOptions = Boilerplate.Core.Cleaning.CleanOptions;

namespace Boilerplate.Mapping;

/// <summary>Turns a protobuf request into the domain's page and options; refuses what the proto documents as invalid.</summary>
public static class CleanRequestMapper
{
    /// <summary>The page the request carries.</summary>
    /// <exception cref="PageRejectedException">The request has no content, or empty content.</exception>
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
                PageRejection.InvalidInput,
                "The request has no content: set one of html, html_bytes, text or paragraphs."),
            _ => throw new PageRejectedException(
                PageRejection.InvalidInput,
                $"The request's {FieldName(request.ContentCase)} is empty; send the page's content."),
        };
        return input with { Url = url };
    }

    /// <summary>The domain options, checked against the labels of the model that will score the page.</summary>
    /// <exception cref="PageRejectedException">An option is out of range or names a label the model does not have.</exception>
    public static DomainCleanOptions ToOptions(Protos.V1.CleanOptions? options, IReadOnlyList<string> modelLabels)
    {
        if (options is null)
        {
            return DomainCleanOptions.Default;
        }

        if (!float.IsFinite(options.Bias) || options.Bias is < -1 or > 1)
        {
            throw Invalid($"options.bias is {options.Bias}; it must lie in [-1, 1].");
        }

        if (!float.IsFinite(options.Threshold) || options.Threshold is < 0 or > 1)
        {
            throw Invalid($"options.threshold is {options.Threshold}; it must lie in (0, 1], or 0 for unset.");
        }

        var unknown = options.KeepLabels.Where(label => !modelLabels.Contains(label, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw Invalid(
                $"options.keep_labels names {string.Join(", ", unknown.Select(label => $"\"{label}\""))}, unknown to the " +
                $"serving model; its labels are {string.Join(", ", modelLabels)}.");
        }

        return new DomainCleanOptions
        {
            Bias = options.Bias,
            Threshold = options.Threshold > 0 ? options.Threshold : null,
            KeepLabels = options.KeepLabels.Count > 0 ? [.. options.KeepLabels] : DomainCleanOptions.Default.KeepLabels,
            IncludeMarkdown = options.IncludeMarkdown,
            KeepDuplicates = options.KeepDuplicates,
        };
    }

    private static PageRejectedException Invalid(string message) => new(PageRejection.InvalidInput, message);

    private static string FieldName(CleanRequest.ContentOneofCase field) => field switch
    {
        CleanRequest.ContentOneofCase.Html => "html",
        CleanRequest.ContentOneofCase.HtmlBytes => "html_bytes",
        CleanRequest.ContentOneofCase.Text => "text",
        _ => "paragraphs",
    };
}
