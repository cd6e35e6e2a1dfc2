using System.Globalization;
using System.Text;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Protos.V1;
using DomainCleanOptions = Boilerplate.Core.Cleaning.CleanOptions;
using DomainRepairMode = Boilerplate.Core.Repair.RepairMode;

namespace Boilerplate.Mapping;

/// <summary>Turns a protobuf request into the domain's page and options; refuses what the proto documents as invalid.</summary>
public static class CleanRequestMapper
{
    /// <summary>Most labels <c>options.keep_labels</c> may hold; a model has a handful.</summary>
    public const int MaxKeepLabels = 64;

    /// <summary>Longest label accepted in <c>options.keep_labels</c>.</summary>
    public const int MaxLabelChars = 64;

    /// <summary>Unknown labels named in the refusal; the rest are counted.</summary>
    public const int NamedInMessage = 5;

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

    /// <summary>The domain options, checked against the labels of the model that will score the page.</summary>
    /// <exception cref="PageRejectedException">
    /// <see cref="PageRejection.InvalidOption"/>: an option is out of range or too long;
    /// <see cref="PageRejection.UnknownLabel"/>: a keep label the model does not have. Either names the field.
    /// </exception>
    public static DomainCleanOptions ToOptions(Protos.V1.CleanOptions? options, IReadOnlyList<string> modelLabels)
    {
        if (options is null)
        {
            return DomainCleanOptions.Default;
        }

        if (!float.IsFinite(options.Bias) || options.Bias is < -1 or > 1)
        {
            throw Invalid("options.bias", $"options.bias is {options.Bias}; it must lie in [-1, 1].");
        }

        if (!float.IsFinite(options.Threshold) || options.Threshold is < 0 or > 1)
        {
            throw Invalid("options.threshold", $"options.threshold is {options.Threshold}; it must lie in (0, 1], or 0 for unset.");
        }

        CheckKeepLabels(options.KeepLabels, modelLabels);

        return new DomainCleanOptions
        {
            Bias = options.Bias,
            Threshold = options.Threshold > 0 ? options.Threshold : null,
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

    /// <summary>
    /// Bounds what a request may name, then refuses labels the model lacks. The message names at most
    /// <see cref="NamedInMessage"/> of them and counts the rest: it travels back as a status trailer, which clients
    /// refuse past a few kilobytes, and is logged.
    /// </summary>
    private static void CheckKeepLabels(IReadOnlyList<string> labels, IReadOnlyList<string> modelLabels)
    {
        if (labels.Count > MaxKeepLabels)
        {
            throw Invalid("options.keep_labels", $"options.keep_labels has {labels.Count:N0} labels; at most {MaxKeepLabels} are accepted.");
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i].Length > MaxLabelChars)
            {
                throw Invalid(
                    $"options.keep_labels[{i}]",
                    $"options.keep_labels[{i}] is {labels[i].Length:N0} characters long; a label has at most {MaxLabelChars}.");
            }
        }

        var unknown = labels.Where(label => !modelLabels.Contains(label, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var named = string.Join(", ", unknown.Take(NamedInMessage).Select(Quote));
        var more = unknown.Count > NamedInMessage ? $" and {unknown.Count - NamedInMessage} more" : string.Empty;
        throw new PageRejectedException(
            PageRejection.UnknownLabel,
            "options.keep_labels",
            $"options.keep_labels names {named}{more} unknown to the serving model; its labels are " +
            $"{string.Join(", ", modelLabels)}.");
    }

    /// <summary>A caller's label in quotes with control characters, quotes and backslashes escaped, so it cannot forge log lines.</summary>
    private static string Quote(string label)
    {
        var quoted = new StringBuilder(label.Length + 2).Append('"');
        foreach (var c in label)
        {
            _ = c switch
            {
                '"' or '\\' => quoted.Append('\\').Append(c),
                _ when char.IsControl(c) => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    private static string FieldName(CleanRequest.ContentOneofCase field) => field switch
    {
        CleanRequest.ContentOneofCase.Html => "html",
        CleanRequest.ContentOneofCase.HtmlBytes => "html_bytes",
        CleanRequest.ContentOneofCase.Text => "text",
        _ => "paragraphs",
    };
}
