using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Organizing;

/// <summary>
/// People from the faces that photo managers mark in XMP: listed with a face to show, found by <c>person:</c>, renamed
/// merged and hidden, and still so after re-indexing.
/// </summary>
public class PeopleTests : IAsyncLifetime
{
    /// <summary>Where the catalog lives; the embedded SQLite file unless a subclass says otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string>? CatalogOptions => null;

    // Lightroom marked the squirrel in this sidecar; the second photo gets a sidecar written here, as digiKam would.
    private const string Squirrel = "sidecar/IMG_5910.jpg";
    private const string Group = "orientation/Landscape_1.jpg";

    private const string GroupSidecar = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
          <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#">
              <mwg-rs:Regions rdf:parseType="Resource">
                <mwg-rs:RegionList><rdf:Bag>
                  <rdf:li><rdf:Description mwg-rs:Name="alvin the squirrel" mwg-rs:Type="Face"><mwg-rs:Area stArea:x="0.25" stArea:y="0.3" stArea:w="0.1" stArea:h="0.2" stArea:unit="normalized"/></rdf:Description></rdf:li>
                  <rdf:li><rdf:Description mwg-rs:Name="Ada Lovelace" mwg-rs:Type="Face"><mwg-rs:Area stArea:x="0.5" stArea:y="0.3" stArea:w="0.1" stArea:h="0.2" stArea:unit="normalized"/></rdf:Description></rdf:li>
                  <rdf:li><rdf:Description mwg-rs:Type="Face"><mwg-rs:Area stArea:x="0.75" stArea:y="0.3" stArea:w="0.1" stArea:h="0.2" stArea:unit="normalized"/></rdf:Description></rdf:li>
                </rdf:Bag></mwg-rs:RegionList>
              </mwg-rs:Regions>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
        """;

    private TestLibrary _library = null!;
    private LibraryServer _server = null!;
    private HttpClient Http => _server.Http;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([Squirrel, "sidecar/IMG_5910.xmp", Group, TestPhotos.GpsJpeg], CatalogOptions);
        await File.WriteAllTextAsync(Path.ChangeExtension(_library.OriginalPath(Group), ".xmp"), GroupSidecar);
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    private async Task<JsonElement> Get(string url)
    {
        using var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<Dictionary<string, (string Name, int Count)>> People() =>
        (await Get("/api/v1/people")).EnumerateArray()
        .ToDictionary(p => p.GetProperty("slug").GetString()!, p => (p.GetProperty("name").GetString()!, p.GetProperty("count").GetInt32()));

    private async Task<int> Total(string q) => (await Get($"/api/v1/photos/facets?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();

    private async Task<HttpResponseMessage> Rename(string slug, string name) =>
        await Http.PatchAsJsonAsync($"/api/v1/people/{slug}", new { name });

    [Fact]
    public async Task MarkedFaces_ListPeople_WithAFaceToShow_AndSearchFindsThem()
    {
        var people = await People();
        // One person under two spellings; the unnamed face is a face but no person.
        Assert.Equal(new Dictionary<string, (string, int)> { ["alvin the squirrel"] = ("Alvin the Squirrel", 2), ["ada lovelace"] = ("Ada Lovelace", 1) }, people);
        var list = (await Get("/api/v1/people")).EnumerateArray().ToList();
        Assert.Equal("alvin the squirrel", list[0].GetProperty("slug").GetString()); // most photos first

        // Ada's face: the sidecar's centre 0.5,0.3 with size 0.1x0.2, on her photo.
        var ada = list.Single(p => p.GetProperty("slug").GetString() == "ada lovelace");
        Assert.Equal(await _library.UidOf(Group), ada.GetProperty("coverUid").GetString());
        var face = ada.GetProperty("face");
        Assert.Equal((0.45, 0.2, 0.1, 0.2), (face.GetProperty("x").GetDouble(), face.GetProperty("y").GetDouble(), face.GetProperty("width").GetDouble(), face.GetProperty("height").GetDouble()));
        Assert.True(ada.GetProperty("coverWidth").GetInt32() > 0);

        Assert.Equal(2, await Total("person:\"alvin the squirrel\""));
        Assert.Equal(2, await Total("person:alvin*"));
        Assert.Equal(1, await Total("person:\"Ada Lovelace\""));
        Assert.Equal(1, await Total("person:\"alvin the squirrel\" -person:\"ada lovelace\""));
        Assert.Equal(2, await Total("faces:true"));
        Assert.Equal(1, await Total("faces:false"));
        Assert.Equal(0, await Total("person:nobody"));
        // The people of a search: who is on the photos with Ada.
        Assert.Equal([("Ada Lovelace", 1), ("Alvin the Squirrel", 1)], (await Get("/api/v1/people?q=person:ada*")).EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("count").GetInt32())).ToList());

        var details = await Get($"/api/v1/photos/{await _library.UidOf(Group)}");
        var faces = details.GetProperty("faces").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Alvin the Squirrel", "Ada Lovelace", null], faces); // left to right
    }

    [Fact]
    public async Task Renaming_KeepsTheNewName_AcrossReindexing_AndANamesakeMerges()
    {
        using (var renamed = await Rename("ada lovelace", "  Ada King "))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            Assert.Equal("Ada King", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        }

        Assert.Equal(1, await Total("person:\"Ada King\""));
        await _library.IndexAsync(force: true);
        Assert.Equal(("Ada King", 1), (await People())["ada lovelace"]);

        // Naming her like another person merges the two, and a re-index keeps them merged.
        using (var merged = await Rename("ada lovelace", "Alvin the Squirrel"))
        {
            Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
            Assert.Equal("alvin the squirrel", (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString());
        }

        var expected = new Dictionary<string, (string, int)> { ["alvin the squirrel"] = ("Alvin the Squirrel", 2) };
        Assert.Equal(expected, await People());
        await _library.IndexAsync(force: true);
        Assert.Equal(expected, await People());
        Assert.Equal(2, (await Get($"/api/v1/photos/{await _library.UidOf(Group)}")).GetProperty("faces").EnumerateArray()
            .Count(f => f.GetProperty("person").GetString() == "alvin the squirrel"));
    }

    [Fact]
    public async Task Hiding_KeepsAPersonListedAsHidden_AcrossReindexing_TheirPhotosStayFound_AndShowingBringsThemBack()
    {
        async Task<bool> HiddenOf(string slug) => (await Get("/api/v1/people")).EnumerateArray()
            .Single(p => p.GetProperty("slug").GetString() == slug).GetProperty("hidden").GetBoolean();

        Assert.False(await HiddenOf("ada lovelace"));
        using (var hidden = await Http.PatchAsJsonAsync("/api/v1/people/ada lovelace", new { hidden = true }))
        {
            Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
            var person = await hidden.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(person.GetProperty("hidden").GetBoolean());
            Assert.Equal("Ada Lovelace", person.GetProperty("name").GetString()); // the name is left as it was
        }

        Assert.True(await HiddenOf("ada lovelace"));
        Assert.False(await HiddenOf("alvin the squirrel"));
        Assert.Equal(1, await Total("person:\"ada lovelace\""));
        await _library.IndexAsync(force: true);
        Assert.True(await HiddenOf("ada lovelace"));

        // Renamed and shown again in one change.
        using (var shown = await Http.PatchAsJsonAsync("/api/v1/people/ada lovelace", new { name = "Ada King", hidden = false }))
        {
            var person = await shown.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(("Ada King", false), (person.GetProperty("name").GetString(), person.GetProperty("hidden").GetBoolean()));
        }

        Assert.False(await HiddenOf("ada lovelace"));
        using var nothing = await Http.PatchAsJsonAsync("/api/v1/people/ada lovelace", new { });
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        using var unknown = await Http.PatchAsJsonAsync("/api/v1/people/nobody", new { hidden = true });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Renaming_RefusesAnEmptyName_AndAnUnknownPerson()
    {
        using var empty = await Rename("ada lovelace", "   ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var unknown = await Rename("nobody", "Somebody");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await _server.EnsureUserAsync("viewer", LibraryServer.AdminPassword, UserRole.Viewer);
        using var viewer = await _server.SignInAsync("viewer", LibraryServer.AdminPassword);
        using var refused = await viewer.PatchAsJsonAsync("/api/v1/people/ada lovelace", new { name = "Eve" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Ada Lovelace", (await People())["ada lovelace"].Name);
    }
}
