using Boilerplate.Fuzz;
using SharpFuzz;

// Under afl-fuzz: a fork server that runs the target in a child process, so a stack overflow or a hang is
// recorded as a finding instead of killing the fuzzer. Outside it: runs each file named on the command line
// once (reproducing a finding).
if (args.Length > 0)
{
    foreach (var path in args)
    {
        FuzzTarget.Run(File.ReadAllBytes(path));
        Console.WriteLine($"ok: {path}");
    }

    return;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTarget.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
