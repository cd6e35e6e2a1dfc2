using System.Collections.Concurrent;
using System.Diagnostics;
using Boilerplate.Protos.V1;
using Boilerplate.Testing;
using Boilerplate.Testing.Service;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Boilerplate.Service.Tests;

/// <summary>
/// Issue 4: the served model file is replaced while calls run. A retrained model with an extra label is picked up
/// (written in place, then renamed into place), no call fails, and a corrupt file is refused while the old model
/// keeps serving.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
[Trait("Category", "Functional")]
public sealed class HotReloadTests(ITestOutputHelper output)
{
    private const string Page =
        "Harbour town restores its lighthouse\n\n" +
        "After three winters of fundraising, volunteers in the harbour town have finished restoring the lighthouse that guided fishing boats home for more than a century.\n\n" +
        "Flash sale! Get 50% off all premium subscriptions today only with code SAVE50.\n\n" +
        "The lamp was lit again on Saturday evening in front of a crowd of several hundred residents, many of them from fishing families.";

    private static readonly string[] PromoExamples =
    [
        "Flash sale! Get 50% off all premium subscriptions today only with code SAVE50.",
        "Limited offer: subscribe now and get your first three months for just 1 euro.",
        "Use code WELCOME20 at checkout for 20% off your first order.",
        "Black Friday deal: save 40% on annual plans, this weekend only.",
        "Sponsored: the best noise-cancelling headphones of the year, now 30% cheaper.",
        "Don't miss out! Free shipping on all orders over 25 euros until Sunday.",
        "Special discount for readers: get the cookbook bundle for half price.",
        "Upgrade to premium today and save 25% with our spring promotion.",
        "Buy one, get one free on all summer collection items. Offer ends soon!",
        "Exclusive deal: 60% off VPN subscriptions for our newsletter readers.",
        "Today only: all e-books at 2.99, use promo code READMORE.",
        "Get a free trial of our premium plan and 15% off when you upgrade.",
        "Hot deal: 35% off smart watches with code TICK35, today only.",
        "Save big this week: every subscription plan is 50% off until Friday.",
        "Promo: order two pizzas and get the third one free with code PIZZA3.",
        "Cyber Monday sale! Take an extra 20% off with code CYBER20 at checkout.",
        "Limited time: upgrade to the family plan and save 30% for a full year.",
        "Sale ends tonight! Up to 70% off selected jackets and boots.",
        "Subscribe today and get 12 issues for the price of 6.",
        "Special offer: free delivery and 10% off your first grocery order with code FRESH10.",
    ];

    [Fact]
    [Trait("Category", "Quality")]
    public async Task A_replaced_model_is_served_without_a_failed_call_and_a_corrupt_one_is_refused()
    {
        var directory = ModelFiles.TempDirectory();
        var path = Path.Combine(directory, "model.zip");
        var defaultVersion = ModelFiles.WriteDefault(path);
        var watch = Stopwatch.StartNew();
        using var promo = ModelFiles.AddLabel(directory, "promo", PromoExamples);
        output.WriteLine($"trained the promo model in {watch.Elapsed.TotalSeconds:F1} s");
        var trainedFile = Path.Combine(directory, "trained.bin");
        promo.Save(trainedFile);
        var promoBytes = await File.ReadAllBytesAsync(trainedFile);

        await using var host = await ServiceHost.StartAsync(options =>
        {
            options.Settings["Model:Path"] = path;
            options.Settings["Model:Debounce"] = "00:00:00.200";
            options.Settings["Model:PollInterval"] = "00:00:02";
        });

        using var stop = new CancellationTokenSource();
        var versions = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<Exception>();
        var callers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await host.Client.CleanTextAsync(Page);
                    versions.AddOrUpdate(response.ModelVersion, 1, (_, count) => count + 1);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e);
                }
            }
        })).ToList();

        // Written in place: the watcher sees a growing file first, refuses the partial copy, then loads the whole one.
        watch.Restart();
        await File.WriteAllBytesAsync(path, promoBytes);
        await WaitForVersionAsync(host, promo.Version);
        output.WriteLine($"write-in-place: promo model serving {watch.ElapsedMilliseconds} ms after the write");

        var promoAnswer = await host.Client.CleanTextAsync(Page, options: new CleanOptions { KeepLabels = { "promo" }, IncludeParagraphs = true });
        Assert.Equal(promo.Version, promoAnswer.ModelVersion);
        Assert.All(promoAnswer.Paragraphs, paragraph => Assert.Contains("promo", paragraph.Scores.Keys));
        Assert.Equal("promo", Assert.Single(promoAnswer.Paragraphs, paragraph => paragraph.Text.StartsWith("Flash sale", StringComparison.Ordinal)).Label);
        Assert.Contains("Flash sale", promoAnswer.Text, StringComparison.Ordinal);
        var added = Assert.Single((await host.Client.GetModelInfoAsync()).AddedLabels);
        Assert.Equal(("promo", PromoExamples.Length), (added.Name, added.Samples));
        Assert.InRange(added.Recall, 0.01, 1);

        // Renamed into place, as a deployment tool would: back to the default model.
        var staging = Path.Combine(directory, "model.zip.incoming");
        ModelFiles.WriteDefault(staging);
        watch.Restart();
        File.Move(staging, path, overwrite: true);
        await WaitForVersionAsync(host, defaultVersion);
        output.WriteLine($"rename-into-place: default model serving {watch.ElapsedMilliseconds} ms after the rename");

        var refusalsBefore = Refusals(host);
        await File.WriteAllBytesAsync(staging, ModelFiles.Corrupt());
        File.Move(staging, path, overwrite: true);
        using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (Refusals(host) == refusalsBefore)
            {
                await Task.Delay(20, limit.Token);
            }
        }

        Assert.Equal(defaultVersion, (await host.Client.GetModelInfoAsync()).Version);
        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        output.WriteLine($"calls during the test: {string.Join(", ", versions.Select(pair => $"{pair.Key[..8]}: {pair.Value}"))}; failed: {failures.Count}");
        Assert.Empty(failures);
        Assert.Contains(promo.Version, versions.Keys);
        Assert.Contains(defaultVersion, versions.Keys);
        Directory.Delete(directory, recursive: true);
    }

    private static int Refusals(ServiceHost host) =>
        host.Logs.Entries.Count(entry => entry.Level == LogLevel.Warning && entry.Message.StartsWith("Refused model file", StringComparison.Ordinal));

    private static async Task WaitForVersionAsync(ServiceHost host, string version)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await host.Client.GetModelInfoAsync(limit.Token)).Version != version)
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
