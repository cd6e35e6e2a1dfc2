using System.Diagnostics;
using System.Globalization;
using System.Text;
using Boilerplate.Protos.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Boilerplate.Attack;

/// <summary>
/// Issue 23, item 1: every hostile page, sent through the real client to the running service, gets a result or a
/// clear status (not INTERNAL, UNKNOWN or UNAVAILABLE) within the budget (median of <c>--repeats</c> calls), and the
/// service still answers a normal page afterwards.
/// </summary>
internal static class HostileMode
{
    public static async Task<int> RunAsync(ModeArgs args)
    {
        var budgetMs = args.Int("--budget-ms", 300);
        var repeats = args.Int("--repeats", 3);
        using var channel = args.Channel();
        var client = new BoilerplateService.BoilerplateServiceClient(channel);

        // Warm the connection and the service's JIT on a normal page first, so the first hostile page pays neither.
        for (var i = 0; i < 20; i++)
        {
            await client.CleanAsync(new CleanRequest { Html = Probe.Article(12) }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync.ConfigureAwait(false);
        }

        var slowest = 0.0;
        var unclear = new List<string>();
        var slow = new List<string>();
        var pages = Pages().ToList();
        Console.WriteLine($"{"page",-48} {"bytes",12} {"outcome",-20} {"median ms",10} {"max ms",8}");
        foreach (var (name, request) in pages)
        {
            var times = new List<double>();
            var outcome = "";
            for (var i = 0; i < repeats; i++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await client.CleanAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync.ConfigureAwait(false);
                    outcome = "OK";
                }
                catch (RpcException e)
                {
                    outcome = e.StatusCode.ToString();
                }

                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            times.Sort();
            var median = times[times.Count / 2];
            slowest = Math.Max(slowest, median);
            if (outcome is "Internal" or "Unknown" or "Unavailable" or "Cancelled")
            {
                unclear.Add($"{name}: {outcome}");
            }

            if (median > budgetMs)
            {
                slow.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {median:0} ms"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-48} {request.CalculateSize(),12:N0} {outcome,-20} {median,10:0} {times[^1],8:0}"));
        }

        var healthy = Probe.IsAlive(args.ServerPid);
        try
        {
            healthy &= (await client.CleanAsync(new CleanRequest { Html = Probe.Article(12) }, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync.ConfigureAwait(false)).Text.Length > 0;
        }
        catch (RpcException)
        {
            healthy = false;
        }

        foreach (var problem in unclear.Concat(slow))
        {
            Console.WriteLine($"  over budget or unclear: {problem}");
        }

        return Probe.Result("1 hostile pages", unclear.Count == 0 && slow.Count == 0 && healthy, string.Create(CultureInfo.InvariantCulture,
            $"{pages.Count} pages, {pages.Count - unclear.Count} with a result or a clear status, slowest median {slowest:0} ms " +
            $"({slow.Count} over {budgetMs} ms), service {(healthy ? "answering after" : "NOT answering after")}"));
    }

    private static IEnumerable<(string Name, CleanRequest Request)> Pages()
    {
        const int Deep = 100_000;
        const int TenMb = 10_000_000;
        const int EightMb = 8_000_000;
        static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
        static CleanRequest Html(string html) => new() { Html = html };
        static CleanRequest Bytes(byte[] bytes, string contentType = "") => new() { HtmlBytes = ByteString.CopyFrom(bytes), ContentType = contentType };
        var article = Probe.Article(40);
        var ascii = Encoding.ASCII.GetBytes(article);

        // Six kinds of 100k-deep nesting: block closed and unclosed, formatting (adoption agency), sectioning,
        // table cells, and foreign (SVG) content.
        yield return ("nest div closed", Html(Repeat("<div>", Deep) + "deep text" + Repeat("</div>", Deep)));
        yield return ("nest div unclosed", Html(Repeat("<div>", Deep) + "deep text"));
        yield return ("nest b unclosed", Html(Repeat("<b>", Deep) + "deep text"));
        yield return ("nest section closed", Html(Repeat("<section>", Deep) + "deep text" + Repeat("</section>", Deep)));
        yield return ("nest table cells", Html(Repeat("<table><tr><td>", Deep) + "deep text"));
        yield return ("nest svg g", Html("<svg>" + Repeat("<g>", Deep) + "deep text"));
        yield return ("1M elements", Html(Repeat("<br>", 1_000_000)));
        yield return ("10 MB attribute value", Html("<div title=\"" + new string('a', TenMb) + "\">" + article + "</div>"));
        yield return ("10 MB attribute name", Html("<div " + new string('a', TenMb) + "=1>" + article + "</div>"));
        yield return ("10 MB token", Html("<p>" + new string('x', TenMb) + "</p>" + article));
        // Just under the input limit (8 Mi characters), so the parser itself meets them.
        yield return ("8 MB attribute value", Html("<div title=\"" + new string('a', EightMb) + "\">" + article + "</div>"));
        yield return ("8 MB token", Html("<p>" + new string('x', EightMb) + "</p>" + article));
        yield return ("8 MB tag name", Html("<" + new string('t', EightMb) + ">" + article));
        yield return ("10 MB tag name", Html("<" + new string('t', TenMb) + ">" + article));
        yield return ("10 MB text, one token", new CleanRequest { Text = new string('y', TenMb) });
        yield return ("NUL bytes in html", Html(article.Replace("a", "a\0", StringComparison.Ordinal)));
        yield return ("NUL bytes in html_bytes", Bytes(ascii.SelectMany(b => b == (byte)'e' ? new byte[] { b, 0 } : [b]).ToArray()));
        yield return ("broken UTF-8", Bytes(ascii.SelectMany((b, i) => i % 7 == 0 ? new byte[] { b, 0xC3, 0x28, 0xFF, 0xE2, 0x82 } : [b]).ToArray(), "text/html; charset=utf-8"));
        yield return ("overlong UTF-8, surrogates", Bytes([.. ascii.Take(200), 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, .. ascii.Skip(200)]));
        var utf16 = Encoding.Unicode.GetBytes(article);
        yield return ("broken UTF-16 (BOM, lone surrogates, odd length)", Bytes([0xFF, 0xFE, .. utf16.Take(400), 0x00, 0xD8, 0x41, 0x00, 0x00, 0xDC, .. utf16.Skip(400), 0x41]));
        yield return ("UTF-16 declared, odd length", Bytes([.. utf16, 0x20], "text/html; charset=utf-16"));
        yield return ("charset utf-32 on ASCII", Bytes(ascii, "text/html; charset=utf-32"));
        yield return ("charset EBCDIC on ASCII", Bytes(ascii, "text/html; charset=ibm037"));
        yield return ("charset unknown", Bytes(ascii, "text/html; charset=x-no-such-charset"));
        yield return ("meta charset utf-7", Bytes(Encoding.ASCII.GetBytes("<meta charset=\"utf-7\">" + article)));
        yield return ("charset name of 1 MB", Bytes(ascii, "text/html; charset=" + new string('z', 1_000_000)));
        yield return ("bias NaN", new CleanRequest { Html = article, Options = new CleanOptions { Bias = float.NaN } });
        yield return ("threshold NaN", new CleanRequest { Html = article, Options = new CleanOptions { Threshold = float.NaN } });
        yield return ("threshold +Inf", new CleanRequest { Html = article, Options = new CleanOptions { Threshold = float.PositiveInfinity } });
        yield return ("bias -Inf", new CleanRequest { Html = article, Options = new CleanOptions { Bias = float.NegativeInfinity } });
    }
}
