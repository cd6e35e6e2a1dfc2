using System.Globalization;
using System.Text;
using Boilerplate.Core.Errors;

namespace Boilerplate.Core.Cleaning;

/// <summary>
/// The one set of rules for <see cref="CleanOptions"/>: the library, the service and the CLI all refuse through it, so
/// an option reads the same wherever it is sent. Each refusal names the field as a path in the request
/// (<c>options.bias</c>, <c>options.keep_labels[3]</c>), which the service returns as a BadRequest field violation.
/// </summary>
public static class CleanOptionsValidator
{
    /// <summary>Most keep labels accepted; a model has a handful.</summary>
    public const int MaxKeepLabels = 64;

    /// <summary>Longest keep label accepted.</summary>
    public const int MaxLabelChars = 64;

    /// <summary>Unknown labels named in the refusal; the rest are counted.</summary>
    public const int NamedInMessage = 5;

    /// <summary>
    /// How a keep label is matched to the model's: exactly. Labels are lower-case identifiers, and a wire API that
    /// folded case would have to fold it the same way in every client and log.
    /// </summary>
    public static StringComparer LabelComparer => StringComparer.Ordinal;

    /// <summary>Checks <paramref name="options"/> against the labels of the model that will score the page.</summary>
    /// <exception cref="PageRejectedException">
    /// <see cref="PageRejection.InvalidOption"/>: an option is out of range, or the keep labels are none, too many or
    /// too long; <see cref="PageRejection.UnknownLabel"/>: a keep label the model does not have. Either names the field.
    /// </exception>
    public static void Validate(CleanOptions options, IReadOnlyList<string> modelLabels)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modelLabels);
        if (!(options.Bias >= -1f && options.Bias <= 1f))
        {
            throw Invalid("options.bias", Invariant($"options.bias is {options.Bias}; it must lie in [-1, 1]."));
        }

        if (options.Threshold is { } threshold && !(threshold > 0f && threshold <= 1f))
        {
            throw Invalid(
                "options.threshold",
                Invariant($"options.threshold is {threshold}; it must lie in (0, 1], or be unset (0 in the proto) to use the bias."));
        }

        CheckKeepLabels(options.KeepLabels, modelLabels);
    }

    /// <summary>
    /// Bounds what a request may name, then refuses labels the model lacks. The message names at most
    /// <see cref="NamedInMessage"/> of them and counts the rest: it travels back as a status trailer, which clients
    /// refuse past a few kilobytes, and is logged.
    /// </summary>
    private static void CheckKeepLabels(IReadOnlyList<string>? labels, IReadOnlyList<string> modelLabels)
    {
        if (labels is not { Count: > 0 })
        {
            throw Invalid(
                "options.keep_labels",
                $"options.keep_labels is empty; name at least one label to keep. The model's labels are {string.Join(", ", modelLabels)}.");
        }

        if (labels.Count > MaxKeepLabels)
        {
            throw Invalid("options.keep_labels", Invariant($"options.keep_labels has {labels.Count:N0} labels; at most {MaxKeepLabels} are accepted."));
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i].Length > MaxLabelChars)
            {
                throw Invalid(
                    Invariant($"options.keep_labels[{i}]"),
                    Invariant($"options.keep_labels[{i}] is {labels[i].Length:N0} characters long; a label has at most {MaxLabelChars}."));
            }
        }

        var unknown = labels.Where(label => !modelLabels.Contains(label, LabelComparer)).Distinct(LabelComparer).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var named = string.Join(", ", unknown.Take(NamedInMessage).Select(Quote));
        var more = unknown.Count > NamedInMessage ? Invariant($" and {unknown.Count - NamedInMessage} more") : string.Empty;
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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static PageRejectedException Invalid(string field, string message) => new(PageRejection.InvalidOption, field, message);
}
