using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Boilerplate.Cli.Peers;

/// <summary>
/// Mozilla Readability (node + jsdom) driven through bench/readability/extract.mjs: one node process for the
/// whole run, one JSON line per page each way. The time reported per page is what the script measured inside
/// node, so process start-up and the pipe are not charged to Readability.
/// </summary>
public sealed class ReadabilityJsPeer : IArticleExtractor
{
    /// <summary>Environment variable naming the folder with extract.mjs, when it is not found from the working directory.</summary>
    public const string DirectoryVariable = "BOILERPLATE_READABILITY_DIR";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] RequiredModules = ["@mozilla/readability", "jsdom"];

    private readonly Process _node;
    private readonly StringBuilder _stderr = new();

    private ReadabilityJsPeer(Process node)
    {
        _node = node;
    }

    /// <inheritdoc />
    public string Name => "Readability.js";

    /// <summary>
    /// Starts the node process, or says why it cannot: no extract.mjs found, its packages not installed
    /// (<c>npm ci</c> in bench/readability), or no <c>node</c> on PATH.
    /// </summary>
    /// <param name="directory">The folder holding extract.mjs; null to look for bench/readability upwards from the working directory and the program.</param>
    /// <param name="unavailable">Why the peer cannot run, when it returns null.</param>
    public static ReadabilityJsPeer? TryStart(string? directory, out string unavailable)
    {
        var folder = directory ?? Environment.GetEnvironmentVariable(DirectoryVariable) ?? Locate();
        if (folder is null || !File.Exists(Path.Combine(folder, "extract.mjs")))
        {
            unavailable = $"bench/readability/extract.mjs not found (looked in {folder ?? "the folders above the working directory and the program"}; set {DirectoryVariable})";
            return null;
        }

        var missing = RequiredModules.Where(m => !Directory.Exists(Path.Combine(folder, "node_modules", m))).ToList();
        if (missing.Count > 0)
        {
            unavailable = $"node packages {string.Join(", ", missing)} not installed: run `npm ci` in {folder}";
            return null;
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("extract.mjs");
        Process? node;
        try
        {
            node = Process.Start(start);
        }
        catch (Win32Exception ex)
        {
            unavailable = $"node could not be started ({ex.Message}); install Node.js 20.19 or later";
            return null;
        }

        if (node is null)
        {
            unavailable = "node could not be started";
            return null;
        }

        var peer = new ReadabilityJsPeer(node);
        node.ErrorDataReceived += (_, e) => peer.OnStderr(e.Data);
        node.BeginErrorReadLine();
        unavailable = string.Empty;
        return peer;
    }

    /// <inheritdoc />
    public async ValueTask<ExtractedArticle> ExtractAsync(PageToExtract page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var request = JsonSerializer.Serialize(new Request(page.Id, page.Html, page.Url), Json);
        await _node.StandardInput.WriteLineAsync(request.AsMemory(), cancellationToken).ConfigureAwait(false);
        await _node.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        var line = await _node.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Readability.js stopped while extracting page {page.Id}: {StderrTail()}");
        var reply = JsonSerializer.Deserialize<Reply>(line, Json)
            ?? throw new InvalidOperationException($"Readability.js answered page {page.Id} with null.");
        if (reply.Id != page.Id)
        {
            throw new InvalidOperationException($"Readability.js answered page {reply.Id} when asked for {page.Id}.");
        }

        return new ExtractedArticle(reply.Title ?? string.Empty, reply.Text ?? string.Empty, TimeSpan.FromMicroseconds(reply.Micros), reply.Error);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            _node.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _node.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _node.Kill(entireProcessTree: true);
        }
        finally
        {
            _node.Dispose();
        }
    }

    private static string? Locate()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "readability");
                if (File.Exists(Path.Combine(candidate, "extract.mjs")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            // Only the end matters for diagnosing a crash; keep memory bounded on chatty runs.
            if (_stderr.Length > 8192)
            {
                _stderr.Remove(0, _stderr.Length - 4096);
            }

            _stderr.AppendLine(line);
        }
    }

    private string StderrTail()
    {
        lock (_stderr)
        {
            return _stderr.Length == 0 ? "no error output" : _stderr.ToString().Trim();
        }
    }

    private sealed record Request(string Id, string Html, string? Url);

    private sealed record Reply(string? Id, string? Title, string? Text, long Micros, string? Error);
}
