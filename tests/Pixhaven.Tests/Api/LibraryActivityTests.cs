using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Api;

/// <summary>The Library view's live progress: the server-sent activity stream and the log of runs.</summary>
public sealed class LibraryActivityTests
{
    private static readonly string[] Files =
    [
        "jpeg/Canon_EOS_7D.jpg", "jpeg/Casio_EX-Z3.jpg", "jpeg/Apple_iPhone_4.jpg", "broken/text_file.jpg", "broken/zero_bytes.jpg",
    ];

    [Fact]
    public async Task ActivityStream_FollowsAnIndexRun_FromStartToItsCounts_AndTheRunIsLogged()
    {
        await using var library = await TestLibrary.CreateAsync(Files);
        await using var server = await LibraryServer.StartAsync(library);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        using var stream = await server.Http.GetAsync("/api/v1/library/activity", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        var events = SseParser.Create(await stream.Content.ReadAsStreamAsync(timeout.Token),
            (_, data) => JsonDocument.Parse(data.ToArray()).RootElement.Clone()).EnumerateAsync(timeout.Token);
        await using var reader = events.GetAsyncEnumerator(timeout.Token);

        Assert.True(await reader.MoveNextAsync());
        Assert.Equal("activity", reader.Current.EventType);
        Assert.False(reader.Current.Data.GetProperty("running").GetBoolean());

        using (var start = await server.Http.PostAsync("/api/v1/index", null, timeout.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        var seen = new List<JsonElement>();
        while (await reader.MoveNextAsync())
        {
            seen.Add(reader.Current.Data);
            if (!reader.Current.Data.GetProperty("running").GetBoolean())
            {
                break;
            }
        }

        var last = seen[^1];
        Assert.False(last.GetProperty("running").GetBoolean());
        Assert.Equal("index", last.GetProperty("kind").GetString());
        Assert.True(last.GetProperty("startedAt").ValueKind == JsonValueKind.String);
        var progress = last.GetProperty("progress");
        Assert.Equal("done", progress.GetProperty("phase").GetString());
        Assert.Equal(Files.Length, progress.GetProperty("total").GetInt32());
        Assert.Equal(Files.Length, progress.GetProperty("done").GetInt32());
        Assert.Equal(3, progress.GetProperty("indexed").GetInt32());
        Assert.Equal(2, progress.GetProperty("skipped").GetInt32() + progress.GetProperty("failed").GetInt32());
        Assert.Contains(seen, a => a.GetProperty("running").GetBoolean());

        var runs = await server.Http.GetFromJsonAsync<JsonElement>("/api/v1/library/runs?count=5", timeout.Token);
        var run = Assert.Single(runs.EnumerateArray());
        Assert.Equal(Files.Length, run.GetProperty("found").GetInt32());
        Assert.Equal(3, run.GetProperty("indexed").GetInt32());
        Assert.True(run.GetProperty("finishedAt").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task ActivityStream_IsRefusedWithoutASession()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        await using var server = await LibraryServer.StartAsync(library);
        using var response = await server.Anonymous.GetAsync("/api/v1/library/activity", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
