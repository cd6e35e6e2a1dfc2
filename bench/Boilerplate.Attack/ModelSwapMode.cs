using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using Boilerplate.Core.Model;
using Boilerplate.Protos.V1;
using Grpc.Core;

namespace Boilerplate.Attack;

/// <summary>
/// Issue 23, item 7: callers clean pages through the real client for <c>--seconds</c> while the served model file
/// (<c>--model-path</c>, which the service watches) is replaced, round after round, by a corrupt file, a truncated
/// copy, a zero-byte file, a model without a <c>body</c> label, a valid model written slowly in place and a valid
/// model renamed over it. Passes with no failed call, every bad file refused (the model served does not change)
/// and every good one served.
/// </summary>
internal static class ModelSwapMode
{
    public static async Task<int> RunAsync(ModeArgs args)
    {
        var path = args.Required("--model-path");
        var seconds = args.Int("--seconds", 120);
        var concurrency = args.Int("--concurrency", 4);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // Two valid models: the default, and the default with one more figure in its metadata (the same trained parts,
        // so the same version), told apart in ModelInfo by that figure. And the default's trained parts under labels
        // without "body", with the content hash made for them, so it is refused for its labels and nothing else.
        using var model = BoilerplateModel.LoadDefault();
        using var marked = model.WithMetrics(new Dictionary<string, double>(model.Metadata.Metrics) { [Marker] = 1 });
        using var relabelled = Relabel(model);
        var models = new[] { Bytes(model, directory), Bytes(marked, directory) };
        var wrongLabel = Bytes(relabelled, directory);
        await File.WriteAllBytesAsync(path, models[0]).ConfigureAwait(false);

        using var channel = args.Channel();
        var client = new BoilerplateService.BoilerplateServiceClient(channel);
        var models2 = new ModelService.ModelServiceClient(channel);
        using var stop = new CancellationTokenSource();
        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var page = Probe.Article(12);
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                string outcome;
                try
                {
                    var response = await client.CleanAsync(new CleanRequest { Html = page }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync.ConfigureAwait(false);
                    outcome = response.Text.Length > 0 ? "OK" : "OK but empty";
                }
                catch (RpcException e)
                {
                    outcome = e.StatusCode.ToString();
                }

                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }
        })).ToList();

        var until = DateTime.UtcNow.AddSeconds(seconds);
        var current = 0;
        var rounds = 0;
        var refusedBad = 0;
        var badServed = new List<string>();
        var goodMissed = new List<string>();
        async Task<int> ServedAsync() => (await models2.GetModelInfoAsync(new GetModelInfoRequest(), deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync.ConfigureAwait(false)).Metrics.ContainsKey(Marker) ? 1 : 0;
        var served0 = DateTime.UtcNow.AddSeconds(30);
        while (await ServedAsync().ConfigureAwait(false) != 0 && DateTime.UtcNow < served0)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        async Task BadAsync(string kind, Func<Task> write)
        {
            await write().ConfigureAwait(false);
            // Longer than the debounce and a poll: the watcher has read it by then.
            await Task.Delay(2500).ConfigureAwait(false);
            if (await ServedAsync().ConfigureAwait(false) == current)
            {
                refusedBad++;
            }
            else
            {
                badServed.Add(kind);
            }
        }

        async Task GoodAsync(string kind, Func<byte[], Task> write)
        {
            current = 1 - current;
            await write(models[current]).ConfigureAwait(false);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await ServedAsync().ConfigureAwait(false) != current)
            {
                if (DateTime.UtcNow > deadline)
                {
                    goodMissed.Add(kind);
                    return;
                }

                await Task.Delay(50).ConfigureAwait(false);
            }
        }

        async Task RenameOverAsync(byte[] bytes)
        {
            var staging = Path.Combine(directory, "incoming.tmp");
            await File.WriteAllBytesAsync(staging, bytes).ConfigureAwait(false);
            File.Move(staging, path, overwrite: true);
        }

        while (DateTime.UtcNow < until)
        {
            await BadAsync("corrupt", () => RenameOverAsync([0x50, 0x4B, 0x03, 0x04, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))])).ConfigureAwait(false);
            await BadAsync("truncated", () => File.WriteAllBytesAsync(path, models[1 - current].AsSpan(0, models[1 - current].Length / 2).ToArray())).ConfigureAwait(false);
            await BadAsync("zero-byte", () => File.WriteAllBytesAsync(path, [])).ConfigureAwait(false);
            await BadAsync("wrong label", () => RenameOverAsync(wrongLabel)).ConfigureAwait(false);
            await GoodAsync("slowly written", async bytes =>
            {
                // In place, 32 KiB every 40 ms (about 1 s for the default model): the watcher sees partial files first.
                await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
                for (var offset = 0; offset < bytes.Length; offset += 32 * 1024)
                {
                    await file.WriteAsync(bytes.AsMemory(offset, Math.Min(32 * 1024, bytes.Length - offset))).ConfigureAwait(false);
                    await file.FlushAsync().ConfigureAwait(false);
                    await Task.Delay(40).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            await GoodAsync("renamed over", RenameOverAsync).ConfigureAwait(false);
            rounds++;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(callers).ConfigureAwait(false);
        var total = outcomes.Values.Sum();
        var ok = outcomes.GetValueOrDefault("OK");
        Console.WriteLine($"  calls by outcome: {string.Join(", ", outcomes.Select(p => $"{p.Key} {p.Value}"))}");
        foreach (var problem in badServed.Select(k => $"a {k} file was served").Concat(goodMissed.Select(k => $"a model {k} was not served within 30 s")))
        {
            Console.WriteLine($"  {problem}");
        }

        var pass = total > 0 && ok == total && badServed.Count == 0 && goodMissed.Count == 0 && Probe.IsAlive(args.ServerPid);
        return Probe.Result("7 model-file swaps", pass, string.Create(CultureInfo.InvariantCulture,
            $"{total:N0} calls over {rounds} rounds in {seconds} s, {total - ok} failed; {refusedBad} bad files (corrupt, truncated, zero-byte, wrong label) refused, " +
            $"{badServed.Count} served; {2 * rounds - goodMissed.Count} of {2 * rounds} good swaps (slow in-place write, rename) served"));
    }

    private const string Marker = "holding.copy";

    private static BoilerplateModel Relabel(BoilerplateModel model)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"holding-{Guid.NewGuid():N}.zip");
        model.Save(temporary);
        try
        {
            using var zip = ZipFile.OpenRead(temporary);
            byte[] Entry(string name)
            {
                using var stream = zip.GetEntry(name)!.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }

            var labels = model.Labels.Select(label => label == "body" ? "main" : label).ToList();
            var context = zip.GetEntry("context-model.zip") is not null
                ? [Entry("context-model.zip")]
                : labels.Select((_, i) => Entry($"context-model-{i}.zip")).ToList();
            var pageType = zip.GetEntry("page-type-model.zip") is not null ? Entry("page-type-model.zip") : null;
            return BoilerplateModel.Create(model.Metadata with { Labels = labels }, model.FeatureGroups, Entry("text-model.zip"), context, pageType);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static byte[] Bytes(BoilerplateModel model, string directory)
    {
        var temporary = Path.Combine(directory, $"model-{Guid.NewGuid():N}.tmp");
        model.Save(temporary);
        var bytes = File.ReadAllBytes(temporary);
        File.Delete(temporary);
        return bytes;
    }
}
