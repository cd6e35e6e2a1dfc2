namespace Boilerplate.Client;

/// <summary>A request field the service refused (from <c>google.rpc.BadRequest</c>).</summary>
/// <param name="Field">The field's path in the request, e.g. <c>options.bias</c> or <c>options.keep_labels[2]</c>.</param>
/// <param name="Description">What is wrong with it.</param>
public sealed record FieldViolation(string Field, string Description);
