using System.Text.Json;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Tests.Fuzzing;

namespace Pixhaven.Core.Tests.Media;

/// <summary>A camera is shown by the name people know it by, not by its maker's legal name twice over.</summary>
public sealed class CameraNameTests
{
    [Theory]
    [InlineData("NIKON CORPORATION", "NIKON D90", "Nikon D90")]
    [InlineData("Canon", "Canon EOS 7D", "Canon EOS 7D")]
    [InlineData("Canon", "EOS R5", "Canon EOS R5")]
    [InlineData("EASTMAN KODAK COMPANY", "KODAK DX4330 DIGITAL CAMERA", "Kodak DX4330")]
    [InlineData("Eastman Kodak Company", "Kodak Digital Science DC50 Zoom Camera", "Kodak Digital Science DC50 Zoom Camera")]
    [InlineData("KONICA CORPORATION", "Konica Digital Camera Q-M100", "Konica Q-M100")]
    [InlineData("CASIO COMPUTER CO.,LTD", "EX-Z3", "Casio EX-Z3")]
    [InlineData("SANYO Electric Co.,Ltd.", "SR662", "Sanyo SR662")]
    [InlineData("SEIKO EPSON CORP.", "PhotoPC 3100Z", "Epson PhotoPC 3100Z")]
    [InlineData("OLYMPUS IMAGING CORP.", "E-P3", "Olympus E-P3")]
    [InlineData("OLYMPUS OPTICAL CO.,LTD", "C3000Z", "Olympus C3000Z")]
    [InlineData("MINOLTA CO.,LTD", "DiMAGE X", "Minolta DiMAGE X")]
    [InlineData("Hewlett-Packard Company", "PhotoSmart C200", "HP PhotoSmart C200")]
    [InlineData("Hewlett-Packard", "hp photosmart 735", "HP photosmart 735")]
    [InlineData("PENTAX Corporation", "PENTAX *ist DL", "Pentax *ist DL")]
    [InlineData("RICOH IMAGING COMPANY, LTD.", "PENTAX K-1", "Pentax K-1")]
    [InlineData("LEICA CAMERA AG", "LEICA Q2", "Leica Q2")]
    [InlineData("FLIR Systems AB", null, "FLIR")]
    [InlineData("Medion AG", "MD86063", "Medion MD86063")]
    [InlineData("SONY", "ILCE-7M3", "Sony ILCE-7M3")]
    [InlineData("samsung", "SM-G975F", "Samsung SM-G975F")]
    [InlineData("motorola", "moto g(9) plus", "Motorola moto g(9) plus")]
    [InlineData("HTC", "HTC Desire", "HTC Desire")]
    [InlineData("LGE", "Nexus 5", "LG Nexus 5")]
    [InlineData("Sony Ericsson Mobile Communications AB", "K800i", "Sony Ericsson K800i")]
    [InlineData("OnePlus", "ONEPLUS A6003", "OnePlus A6003")]
    [InlineData("vivo", "vivo X90 Pro+", "vivo X90 Pro+")]
    [InlineData("Apple", "iPhone 12 Pro", "Apple iPhone 12 Pro")]
    [InlineData("DJI", "FLIR", "DJI FLIR")]
    [InlineData("Digital", "Digital Cam", "Digital Cam")]
    [InlineData(null, "PENTAX Optio S4", "Pentax Optio S4")]
    [InlineData(null, "iPhone 6", "iPhone 6")]
    [InlineData("  ", null, null)]
    [InlineData(null, null, null)]
    public void ACamera_IsNamedAsPeopleNameIt(string? make, string? model, string? name) =>
        Assert.Equal(name, CameraName.For(make, model));

    [Fact]
    public void NoCameraOfTheCorpus_NamesItsBrandTwice_OrItsMakersLegalName()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(FuzzTests.PhotosFolder(), "expected.json")));
        var cameras = expected.RootElement.GetProperty("files").EnumerateObject()
            .Select(f => (Make: Text(f.Value, "Make"), Model: Text(f.Value, "Model")))
            .Where(c => c.Make is not null || c.Model is not null).Distinct().ToList();
        Assert.True(cameras.Count > 50);
        foreach (var (make, model) in cameras)
        {
            var name = CameraName.For(make, model)!;
            var words = name.Split(' ');
            Assert.False(words.Length > 1 && string.Equals(words[0], words[1], StringComparison.OrdinalIgnoreCase), $"{make} / {model}: {name}");
            Assert.DoesNotMatch(@"(?i)\b(?:corporation|corp|company|co|ltd|inc)\b|digital camera", name);
            // Every word of the model is still there: the name shortens the maker, never the camera.
            Assert.All((model ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.Equals("digital", StringComparison.OrdinalIgnoreCase) && !w.Equals("camera", StringComparison.OrdinalIgnoreCase)),
                word => Assert.Contains(word, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string? Text(JsonElement file, string tag) =>
        file.TryGetProperty(tag, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
