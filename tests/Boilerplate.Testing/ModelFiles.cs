using Boilerplate.Core.Model;

namespace Boilerplate.Testing;

/// <summary>Model files for tests that point the service at a path: the default model saved out, and corrupt files.</summary>
public static class ModelFiles
{
    /// <summary>Writes the embedded default model to <paramref name="path"/>; returns its version.</summary>
    public static string WriteDefault(string path)
    {
        using var model = BoilerplateModel.LoadDefault();
        model.Save(path);
        return model.Version;
    }

    /// <summary>Bytes that are no model: a zip header followed by noise, as a truncated copy would look.</summary>
    public static byte[] Corrupt() => [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))];

    /// <summary>A fresh empty directory under the temp folder.</summary>
    public static string TempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "boilerplate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
