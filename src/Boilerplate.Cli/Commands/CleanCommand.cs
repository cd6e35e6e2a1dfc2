using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using Boilerplate.Cli.Clean;
using Boilerplate.Client;
using Boilerplate.Core.Model;
using Boilerplate.Core.Segmentation;
using Boilerplate.Protos.V1;
using Spectre.Console;

namespace Boilerplate.Cli.Commands;

/// <summary>
/// <c>boilerplate clean PATH...</c>: cleans page files, folders of them (.html, .htm, .html.gz, .txt) and standard input
/// (<c>-</c>) into JSON lines, or one page into its text, Markdown or HTML (<c>--format</c>), in this process or on a
/// server. A page that fails is written with its error and the run goes on; the exit code is
/// <see cref="ExitCodes.Success"/> when every page was cleaned, <see cref="ExitCodes.Partial"/> when some failed,
/// <see cref="ExitCodes.Failed"/> when none was cleaned, <see cref="ExitCodes.Usage"/> when nothing could run.
/// </summary>
internal static class CleanCommand
{
    /// <summary>Environment variable read for the API key when --api-key is not given (keeps keys out of process lists).</summary>
    public const string ApiKeyVariable = "BOILERPLATE_API_KEY";

    private const int DefaultServerParallelism = 8;

    /// <param name="openStandardInput">Where <c>-</c> reads from; standard input unless a test gives its own.</param>
    internal static Command Create(Func<Stream>? openStandardInput = null)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Page files, folders searched recursively for " + string.Join(", ", PageFile.Extensions) + " files, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the output; - for standard output.", DefaultValueFactory = _ => "-" };
        var format = new Option<OutputFormat?>("--format", "-f")
        {
            Description = "json: one JSON line per page (the default for folders, several paths, --markdown and --paragraphs). " +
                "text (the default for one page), markdown, html: a single page's content as is; several pages still get JSON " +
                "lines, with the markdown or html field added.",
        };
        var url = new Option<string?>("--url") { Description = "The page's URL (absolute http or https): a model input, and what relative links resolve against; one page only." };
        var contentType = new Option<string?>("--content-type")
        {
            Description = "The pages' Content-Type: text/html or application/xhtml+xml reads HTML, another text/* type plain text; " +
                "its charset decodes the bytes. Without it the file extension decides, and for standard input or another " +
                "extension the first bytes (a tag at the start is HTML).",
        };
        var server = new Option<string?>("--server") { Description = "Clean on this server (http://host:port, https://..., or dns:///host:port) instead of in this process." };
        var apiKey = new Option<string?>("--api-key") { Description = $"API key for --server (default: the {ApiKeyVariable} environment variable)." };
        var markdown = new Option<bool>("--markdown") { Description = "Add each page's kept content as Markdown to the JSON lines (kept for scripts; --format markdown does the same for a folder)." };
        var paragraphs = new Option<bool>("--paragraphs") { Description = "Add every paragraph with its label, scores and keep decision." };
        var bias = new Option<float>("--bias") { Description = "-1 (precision) .. +1 (recall): shifts the keep decision." };
        var threshold = new Option<float?>("--threshold") { Description = "Keep a paragraph when the kept labels' probability reaches this (0 < t <= 1); overrides --bias." };
        var keep = new Option<string[]>("--keep") { Description = "Labels whose paragraphs are kept (default: body).", AllowMultipleArgumentsPerToken = true };
        var model = new Option<string?>("--model") { Description = "Model file to clean with in this process (default: the embedded model)." };
        var parallel = new Option<int?>("--parallel") { Description = $"Pages cleaned at once (default: the CPU count in this process, {DefaultServerParallelism} against a server)." };
        var repair = new Option<string>("--repair-text") { Description = "Repair damaged text (mojibake, Mexico_s): auto (only a damaged page), off or on.", DefaultValueFactory = _ => "auto" };
        repair.AcceptOnlyFromAmong("auto", "off", "on");
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar and no summary." };

        bias.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<float>() is < -1 or > 1)
            {
                result.AddError("--bias must be between -1 and 1.");
            }
        });
        threshold.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<float?>() is { } value && value is <= 0 or > 1)
            {
                result.AddError("--threshold must be greater than 0 and at most 1.");
            }
        });
        url.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value
                && (value.Length > PageUrls.MaxChars || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            {
                result.AddError($"--url must be an absolute http or https URL of at most {PageUrls.MaxChars} characters.");
            }
        });
        contentType.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && ContentTypes.Check(value) is { } problem)
            {
                result.AddError(problem);
            }
        });
        paths.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>() is { } given && given.Count(p => p == PageFile.StandardInputPath) > 1)
            {
                result.AddError("Standard input (-) can be read once: give - at most once.");
            }
        });
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--parallel must be at least 1.");
            }
        });

        var command = new Command(
            "clean",
            "Clean pages (files, folders, - for standard input) into their text, or into JSON lines (path, id, title, text, " +
            "model_version, stats; error when a page fails).\n" + ExitCodes.Help)
        {
            paths, output, format, url, contentType, server, apiKey, markdown, paragraphs, bias, threshold, keep, model, parallel, repair, quiet,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(server) is not null && result.GetResult(model) is not null)
            {
                result.AddError("--model loads a model in this process; it cannot be combined with --server.");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            var options = new CleanOptions
            {
                Bias = parse.GetValue(bias),
                Threshold = parse.GetValue(threshold) ?? 0,
                IncludeMarkdown = parse.GetValue(markdown) || parse.GetValue(format) == OutputFormat.Markdown,
                IncludeHtml = parse.GetValue(format) == OutputFormat.Html,
                IncludeParagraphs = parse.GetValue(paragraphs),
                RepairText = RepairModeOf(parse.GetValue(repair)!),
            };
            options.KeepLabels.AddRange(parse.GetValue(keep) ?? []);

            IReadOnlyList<PageFile> pages;
            ICleanBackend backend;
            try
            {
                pages = PageFile.Find(parse.GetValue(paths)!);
                if (parse.GetValue(url) is not null && pages.Count > 1)
                {
                    throw new ArgumentException($"--url names one page, and the paths hold {pages.Count}.");
                }

                backend = CreateBackend(parse.GetValue(server), parse.GetValue(apiKey), parse.GetValue(model), options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or ModelLoadException)
            {
                console.MarkupLineInterpolated($"[red]Cannot clean:[/] {e.Message}");
                return ExitCodes.Usage;
            }

            using (backend)
            {
                if (pages.Count == 0)
                {
                    console.MarkupLineInterpolated($"[red]No page files[/] ({string.Join(", ", PageFile.Extensions)}) under {string.Join(", ", parse.GetValue(paths)!)}.");
                    return ExitCodes.Usage;
                }

                var parallelism = parse.GetValue(parallel) ?? (backend is ServerBackend ? DefaultServerParallelism : Environment.ProcessorCount);
                StreamWriter opened;
                try
                {
                    opened = OpenOutput(parse.GetValue(output)!);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    console.MarkupLineInterpolated($"[red]Cannot write the output:[/] {e.Message}");
                    return ExitCodes.Usage;
                }

                await using var writer = opened;
                // Raw content has no place for a page's path or error: only a single page gets it, several get JSON lines.
                var outputFormat = FormatOf(parse.GetValue(format), parse.GetValue(paths)!, parse.GetValue(markdown) || parse.GetValue(paragraphs));
                IPageWriter pageWriter = outputFormat == OutputFormat.Json
                    ? new PageJsonWriter(writer)
                    : new PageContentWriter(writer, Console.Error, outputFormat);
                var reader = new PageReader(openStandardInput ?? Console.OpenStandardInput, PageReader.DefaultMaxBytes);
                var requests = new PageRequestBuilder(options, parse.GetValue(url), parse.GetValue(contentType));
                var batch = new BatchRunner(backend, pageWriter, reader, requests, options, parallelism);
                var summary = parse.GetValue(quiet) || Console.IsErrorRedirected || !console.Profile.Capabilities.Interactive
                    ? await batch.RunAsync(pages, onPageDone: null, cancellationToken)
                    : await console.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async context =>
                        {
                            var task = context.AddTask("Cleaning", maxValue: pages.Count);
                            return await batch.RunAsync(pages, () => task.Increment(1), cancellationToken);
                        });
                await writer.FlushAsync(cancellationToken);

                if (!parse.GetValue(quiet))
                {
                    Print(console, summary, backend.Description);
                }

                return summary.ExitCode;
            }
        });
        return command;
    }

    /// <summary>
    /// What is written: the format asked for when one page (a file or standard input) is cleaned; JSON lines for
    /// folders and several paths, where a content format only adds its field. Unasked, one page gets its text,
    /// unless --markdown or --paragraphs ask for JSON fields.
    /// </summary>
    internal static OutputFormat FormatOf(OutputFormat? asked, IReadOnlyList<string> paths, bool jsonFieldsAsked)
    {
        var onePage = paths.Count == 1 && (paths[0] == PageFile.StandardInputPath || File.Exists(paths[0]));
        if (!onePage)
        {
            return OutputFormat.Json;
        }

        return asked ?? (jsonFieldsAsked ? OutputFormat.Json : OutputFormat.Text);
    }

    private static RepairMode RepairModeOf(string value) => value switch
    {
        "off" => RepairMode.Off,
        "on" => RepairMode.On,
        _ => RepairMode.Auto,
    };

    private static StreamWriter OpenOutput(string path) => path == "-"
        ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false))
        : new StreamWriter(path, append: false, new UTF8Encoding(false));

    private static ICleanBackend CreateBackend(string? server, string? apiKey, string? modelPath, CleanOptions options)
    {
        if (server is not null)
        {
            var client = new BoilerplateClient(new BoilerplateClientOptions
            {
                Address = server,
                ApiKey = apiKey ?? Environment.GetEnvironmentVariable(ApiKeyVariable),
                // A key sent over plaintext to loopback never leaves this machine; elsewhere the client refuses it over http://.
                AllowInsecureCredentials = IsLoopback(server),
            });
            return new ServerBackend(client, server);
        }

        var model = modelPath is null ? BoilerplateModel.LoadDefault() : BoilerplateModel.Load(modelPath);
        try
        {
            return new InProcessBackend(model, options);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static bool IsLoopback(string server) =>
        Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.IsLoopback;

    private static void Print(IAnsiConsole console, CleanSummary summary, string cleanedBy)
    {
        var keptShare = summary.ParagraphsTotal > 0 ? (double)summary.ParagraphsKept / summary.ParagraphsTotal : 0;
        console.MarkupLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{summary.Pages} pages: [green]{summary.Succeeded} ok[/], {(summary.Failed > 0 ? "[red]" : "[grey]")}{summary.Failed} failed[/] " +
            $"in {summary.Elapsed.TotalSeconds:0.0} s ({summary.PagesPerSecond:0.0} pages/s) with {Markup.Escape(cleanedBy)}; " +
            $"paragraphs kept {summary.ParagraphsKept}/{summary.ParagraphsTotal} ({keptShare:P0})"));
    }
}
