namespace Pixhaven.Core.Accounts;

/// <summary>A request about accounts that cannot be done as asked; the message is shown to the user as is.</summary>
public sealed class AccountException(string message) : Exception(message);
