namespace Boilerplate.Service.Models;

/// <summary>
/// Cheap identity of a file (size and modification time). When it changes, the content hash decides whether
/// the model really changed; a file that was only touched is not reloaded.
/// </summary>
internal sealed record ModelFileStamp(long Length, DateTime LastWriteUtc)
{
    /// <summary>The stamp of <paramref name="path"/>, or null if the file is gone.</summary>
    public static ModelFileStamp? Read(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new ModelFileStamp(info.Length, info.LastWriteTimeUtc) : null;
    }
}
