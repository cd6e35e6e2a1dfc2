using System.CommandLine;
using System.Diagnostics;
using Boilerplate.Bench;
using Boilerplate.LoadTest;
using Boilerplate.Protos.V1;
using Grpc.Net.Client;

var address = new Option<Uri>("--address")
{
    Description = "Service address (loopback only).",
    DefaultValueFactory = _ => new Uri("http://127.0.0.1:5000"),
    // System.CommandLine has no converter for Uri: without this, any --address given fails to parse.
    CustomParser = result => new Uri(result.Tokens.Single().Value, UriKind.Absolute),
};
var dataset = new Option<string?>("--dataset") { Description = $"Datasets root or one corpus folder (default: ${DatasetPages.Variable})." };
var pages = new Option<PageSelection>("--pages") { Description = "median: the middle tenth of pages by size; all: every page; largest: the 300 largest.", DefaultValueFactory = _ => PageSelection.Median };
var mode = new Option<CallMode>("--mode") { Description = "unary or stream.", DefaultValueFactory = _ => CallMode.Unary };
var concurrency = new Option<int>("--concurrency") { Description = "Unary: calls in flight. Stream: number of streams.", DefaultValueFactory = _ => 8 };
var window = new Option<int>("--window") { Description = "Stream: pages in flight per stream.", DefaultValueFactory = _ => 4 };
var rate = new Option<double?>("--rate") { Description = "Unary: issue open-loop at this many requests per second." };
var requests = new Option<int>("--requests") { Description = "Measured requests (upper bound).", DefaultValueFactory = _ => 10_000 };
var duration = new Option<double>("--duration") { Description = "Seconds to issue requests for (upper bound).", DefaultValueFactory = _ => 60 };
var warmup = new Option<int>("--warmup") { Description = "Unmeasured requests first.", DefaultValueFactory = _ => 500 };
var serverPid = new Option<int?>("--server-pid") { Description = "Service process id: report its CPU and memory from /proc." };
var json = new Option<string?>("--json") { Description = "Also write the figures to this JSON file." };

var root = new RootCommand("Load generator for the Boilerplate gRPC service: real HTTP/2 calls on loopback, bounded in count and time.")
{
    address, dataset, pages, mode, concurrency, window, rate, requests, duration, warmup, serverPid, json,
};

root.SetAction(async (parse, cancellationToken) =>
{
    string datasetRoot;
    try
    {
        datasetRoot = DatasetPages.Resolve(parse.GetValue(dataset));
    }
    catch (DirectoryNotFoundException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
        return 2;
    }

    var options = new LoadTestOptions(
        parse.GetValue(address)!,
        datasetRoot,
        parse.GetValue(pages),
        parse.GetValue(mode),
        parse.GetValue(concurrency),
        parse.GetValue(window),
        parse.GetValue(rate),
        parse.GetValue(requests),
        TimeSpan.FromSeconds(parse.GetValue(duration)),
        parse.GetValue(warmup),
        parse.GetValue(serverPid),
        parse.GetValue(json));
    try
    {
        options.Validate();
    }
    catch (ArgumentException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
        return 2;
    }

    var corpus = RequestCorpus.Load(options.Dataset, options.Pages);
    using var channel = GrpcChannel.ForAddress(options.Address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    });
    var runner = new LoadRunner(new BoilerplateService.BoilerplateServiceClient(channel), corpus, options);
    await runner.WarmAsync(options.Warmup, cancellationToken).ConfigureAwait(false);

    var server = options.ServerPid is { } pid ? new ServerProcess(pid) : null;
    var cpuBefore = server?.CpuTime();
    var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var started = Stopwatch.GetTimestamp();
    var recorder = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var cpu = server is null ? (TimeSpan?)null : server.CpuTime() - cpuBefore!.Value;
    var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
    var memory = server?.Memory();

    var report = new LoadReport(
        options.Mode.ToString().ToLowerInvariant(),
        options.Concurrency,
        options.Window,
        options.Rate,
        corpus.Count,
        corpus.MedianBytes,
        recorder.Successes,
        recorder.Failures,
        seconds,
        recorder.Successes / seconds,
        recorder.Percentile(0.50),
        recorder.Percentile(0.95),
        recorder.Percentile(0.99),
        recorder.Percentile(1.0),
        clientCpu.TotalSeconds / seconds,
        cpu?.TotalSeconds / seconds,
        cpu?.TotalMilliseconds / Math.Max(1, recorder.Successes),
        memory?.RssMiB,
        memory?.PeakRssMiB);
    Console.WriteLine(report);
    if (options.JsonPath is { } path)
    {
        await report.WriteJsonAsync(path, cancellationToken).ConfigureAwait(false);
    }

    return recorder.Failures.Count == 0 ? 0 : 1;
});

return await root.Parse(args).InvokeAsync();
