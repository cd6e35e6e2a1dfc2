namespace Boilerplate.Core.Model;

/// <summary>
/// A model file that cannot be used: not a model zip, a part missing or damaged, or trained against another feature
/// schema. The message says which file, what is wrong and what to do about it.
/// </summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelLoadException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
