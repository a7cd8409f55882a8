namespace Pixhaven.Core.Options;

/// <summary>An option value that cannot be used; the message names the option and the reason.</summary>
public sealed class OptionsException(string message) : Exception(message);
