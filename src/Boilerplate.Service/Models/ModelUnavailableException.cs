namespace Boilerplate.Service.Models;

/// <summary>No model is serving yet (start-up, or the configured file was invalid from the start); callers may retry.</summary>
internal sealed class ModelUnavailableException()
    : Exception("No model is loaded yet: the service is starting, or its configured model file is invalid. Retry shortly.");
