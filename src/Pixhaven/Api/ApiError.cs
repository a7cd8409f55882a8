using Microsoft.AspNetCore.Http.HttpResults;

namespace Pixhaven.Api;

/// <summary>The body of a 4xx answer: what was wrong with the request and, for a query, where.</summary>
public sealed record ApiError(string Error, int? Position = null);

/// <summary>Answers shared by the endpoints that check passwords.</summary>
public static class ThrottledAnswers
{
    /// <summary>429 with <c>Retry-After</c> and a message that says how long to wait.</summary>
    public static JsonHttpResult<ApiError> TooManyAttempts(HttpContext context, TimeSpan wait, string what)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Json(new ApiError($"too many {what}: try again in {seconds} seconds"), statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The caller's address, the key of the per-address throttle.</summary>
    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
