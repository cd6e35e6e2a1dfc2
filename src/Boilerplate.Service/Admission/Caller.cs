namespace Boilerplate.Service.Admission;

/// <summary>
/// Who a call comes from, as admission established it before the call's body was read.
/// </summary>
/// <param name="Partition">
/// The caller's name for per-key fairness ("key 2", "admin key 0": the key's place in configuration, never the key
/// itself); null when the service runs without keys.
/// </param>
/// <param name="IsAdmin">Whether the key is one of <c>Security:AdminKeys</c>.</param>
internal sealed record Caller(string? Partition, bool IsAdmin)
{
    /// <summary>Any caller of a service without keys.</summary>
    public static Caller Anonymous { get; } = new(null, IsAdmin: false);
}
