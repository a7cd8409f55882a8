using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Api;

/// <summary>Options an admin changes while the server runs: applied at once, checked, kept for the next start.</summary>
public sealed class SettingsTests
{
    private static JsonElement Setting(JsonElement list, string name) => list.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Change_TakesEffectAtOnce_AndIsKeptForTheNextStart()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        await using var server = await LibraryServer.StartAsync(library);

        using var changed = await server.Http.PatchAsJsonAsync("/api/v1/settings", new Dictionary<string, string> { ["upload-max-mb"] = "1", ["map-tile-url"] = "https://tiles.example.test/{z}/{x}/{y}.png" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var list = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1", Setting(list, "upload-max-mb").GetProperty("value").GetString());
        Assert.Equal("settings", Setting(list, "upload-max-mb").GetProperty("source").GetString());

        // At once: a 2 MB upload is now too large, and the map's tile server is an allowed image source.
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        upload.Headers.Add("Upload-Length", (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture));
        upload.Headers.Add("Upload-Metadata", "filename " + Convert.ToBase64String("a.jpg"u8.ToArray()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await server.Http.SendAsync(upload)).StatusCode);
        using var home = await server.Anonymous.GetAsync("/");
        Assert.Contains("https://tiles.example.test;", string.Join(' ', home.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        // The next start reads them back, below the environment and flags.
        var reloaded = OptionsLoader.Load(new Dictionary<string, string>(), new Dictionary<string, string> { ["storage-path"] = library.Storage });
        Assert.Equal(1, reloaded.Values.UploadMaxMegabytes);
        Assert.Equal(OptionSource.Settings, reloaded.Sources["upload-max-mb"]);
        var overridden = OptionsLoader.Load(new Dictionary<string, string> { ["PIXHAVEN_UPLOAD_MAX_MB"] = "300" }, new Dictionary<string, string> { ["storage-path"] = library.Storage });
        Assert.Equal(300, overridden.Values.UploadMaxMegabytes);
    }

    [Fact]
    public async Task ImportAfterUpload_ChangedAtRunTime_ImportsTheNextUploadAfterTheNewQuietTime()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        await using var server = await LibraryServer.StartAsync(library);
        using (var changed = await server.Http.PatchAsJsonAsync("/api/v1/settings", new Dictionary<string, string> { ["import-after-upload"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var photo = await File.ReadAllBytesAsync(TestPhotos.PathOf("jpeg/Apple_iPhone_XR_tiny.jpg"));
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        create.Headers.Add("Upload-Length", photo.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        create.Headers.Add("Upload-Metadata", "filename " + Convert.ToBase64String("phone.jpg"u8.ToArray()));
        using var created = await server.Http.SendAsync(create);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, created.Headers.Location) { Content = new ByteArrayContent(photo) };
        patch.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/offset+octet-stream");
        patch.Headers.Add("Upload-Offset", "0");
        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.SendAsync(patch)).StatusCode);

        // The default quiet time is 10 s; with 1 s the photo is in originals well before that.
        var deadline = DateTime.UtcNow.AddSeconds(8);
        while (DateTime.UtcNow < deadline && !Directory.EnumerateFiles(library.Originals, "*.jpg", SearchOption.AllDirectories).Any())
        {
            await Task.Delay(200);
        }

        Assert.Single(Directory.EnumerateFiles(library.Originals, "*.jpg", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task BadValues_UnknownOptions_AndOptionsTheServerSets_AreRefusedWithTheReason()
    {
        await using var library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["session-idle"] = "12" });
        await using var server = await LibraryServer.StartAsync(library);

        async Task<string> Refusal(string name, string value)
        {
            using var response = await server.Http.PatchAsJsonAsync("/api/v1/settings", new Dictionary<string, string> { [name] = value });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;
        }

        Assert.Contains("whole number", await Refusal("upload-max-mb", "lots"), StringComparison.Ordinal);
        Assert.Contains("cannot be changed at run time", await Refusal("originals-path", "/"), StringComparison.Ordinal);
        Assert.Contains("--session-idle", await Refusal("session-idle", "1"), StringComparison.Ordinal);
        var list = await server.Http.GetFromJsonAsync<JsonElement>("/api/v1/settings");
        Assert.True(Setting(list, "session-idle").GetProperty("locked").GetBoolean());
        Assert.Equal("12", Setting(list, "session-idle").GetProperty("value").GetString());
        Assert.False(File.Exists(Path.Combine(library.Storage, RuntimeSettings.FileName)));

        await server.EnsureUserAsync("carol", "carol password 1", UserRole.User);
        var carol = await server.SignInAsync("carol", "carol password 1");
        Assert.Equal(HttpStatusCode.Forbidden, (await carol.GetAsync("/api/v1/settings")).StatusCode);
    }
}
