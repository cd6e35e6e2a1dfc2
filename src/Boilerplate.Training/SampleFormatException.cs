namespace Boilerplate.Training;

/// <summary>A training sample file line that cannot be used, with the file, the line number and the reason.</summary>
public sealed class SampleFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SampleFormatException(string file, int line, string reason, Exception? inner = null)
        : base($"{file}:{line}: {reason}", inner)
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    /// <summary>The sample file.</summary>
    public string File { get; }

    /// <summary>1-based line number.</summary>
    public int Line { get; }

    /// <summary>What is wrong with the line.</summary>
    public string Reason { get; }
}
