using System.Globalization;

namespace Pixhaven.Core.Tests.Media;

/// <summary>The JSON Google Takeout writes beside each photo and video, for the reader's tests and the indexer's.</summary>
public static class TakeoutDocuments
{
    /// <summary>A photo's or video's metadata as Takeout writes it; zeros for a photo without a position.</summary>
    public static string Of(string title, DateTime takenUtc, double latitude = 0, double longitude = 0, string description = "", bool favorited = false, params string[] people) =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {
              "title": "{{title}}",
              "description": "{{description}}",
              "imageViews": "3",
              "creationTime": {
                "timestamp": "{{new DateTimeOffset(takenUtc.AddDays(2), TimeSpan.Zero).ToUnixTimeSeconds()}}",
                "formatted": "upload time"
              },
              "photoTakenTime": {
                "timestamp": "{{new DateTimeOffset(takenUtc, TimeSpan.Zero).ToUnixTimeSeconds()}}",
                "formatted": "{{takenUtc:d MMM yyyy, HH:mm:ss}} UTC"
              },
              "geoData": {
                "latitude": {{latitude}},
                "longitude": {{longitude}},
                "altitude": {{(latitude == 0 ? 0 : 35.5)}},
                "latitudeSpan": 0.0,
                "longitudeSpan": 0.0
              },
              "geoDataExif": {
                "latitude": 0.0,
                "longitude": 0.0,
                "altitude": 0.0,
                "latitudeSpan": 0.0,
                "longitudeSpan": 0.0
              },{{(favorited ? "\n  \"favorited\": true," : "")}}{{PeopleEntry(people)}}
              "url": "https://photos.google.com/photo/AF1Qip",
              "googlePhotosOrigin": {
                "mobileUpload": {
                  "deviceType": "ANDROID_PHONE"
                }
              }
            }
            """);

    private static string PeopleEntry(string[] people) =>
        people.Length == 0 ? "" : "\n  \"people\": [" + string.Join(", ", people.Select(name => "{ \"name\": \"" + name + "\" }")) + "],";

    /// <summary>An album's own metadata.json.</summary>
    public const string Album = """
        {
          "title": "Summer in Paris",
          "description": "",
          "access": "protected",
          "date": {
            "timestamp": "1563271410",
            "formatted": "16 Jul 2019, 10:03:30 UTC"
          }
        }
        """;
}
