// TEMPORARY development stand-ins until seg/ml merge. NEVER COMMIT.
using System.Text.Json;
using Boilerplate.Core.Cleaning;
using Boilerplate.Core.Errors;
using Boilerplate.Core.Input;
using Boilerplate.Core.Segmentation;

namespace Boilerplate.Core.Model
{
    public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);

    public sealed class BoilerplateModel : IBlockClassifier, IDisposable
    {
        private BoilerplateModel(ModelMetadata metadata) { Metadata = metadata; }
        public ModelMetadata Metadata { get; }
        public IReadOnlyList<string> Labels => Metadata.Labels;
        public string Version => Metadata.Version;

        public static BoilerplateModel LoadDefault() => new(new ModelMetadata("default0001", ["body", "navigation", "legal"], "5.0.1", 1, "Fake", "none", new Dictionary<string, double> { ["dev.f1"] = 0.9 }, DateTimeOffset.UtcNow));

        public static BoilerplateModel Load(string path) { using var f = File.OpenRead(path); return Load(f); }
        public static BoilerplateModel Load(Stream stream)
        {
            var path = "stream";
            try
            {
                var ms = new MemoryStream(); stream.CopyTo(ms);
                var labels = JsonSerializer.Deserialize<string[]>(ms.ToArray()) ?? throw new ModelLoadException("null");
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(ms.ToArray()))[..12].ToLowerInvariant();
                return new(new ModelMetadata(hash, labels, "5.0.1", 1, "Fake", "none", new Dictionary<string, double>(), DateTimeOffset.UtcNow));
            }
            catch (Exception e) when (e is not ModelLoadException) { throw new ModelLoadException($"The model file {path} is not a model: {e.Message}", e); }
        }

        public PageScores Score(SegmentedPage page, CancellationToken cancellationToken)
        {
            var n = Labels.Count;
            var probs = new float[page.Blocks.Count * n];
            for (var i = 0; i < page.Blocks.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var t = page.Blocks[i].Text;
                var idx = t.Contains("cookie", StringComparison.OrdinalIgnoreCase) ? 2 % n : t.Length < 20 ? 1 % n : t.Contains("promo", StringComparison.OrdinalIgnoreCase) ? n - 1 : 0;
                for (var j = 0; j < n; j++) probs[i * n + j] = j == idx ? 0.8f : 0.2f / (n - 1);
            }
            return new PageScores(Labels, probs);
        }

        public void Dispose() { }
        public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(Labels));
    }
}
