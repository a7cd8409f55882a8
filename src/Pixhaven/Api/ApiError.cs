namespace Pixhaven.Api;

/// <summary>The body of a 4xx answer: what was wrong with the request and, for a query, where.</summary>
public sealed record ApiError(string Error, int? Position = null);
