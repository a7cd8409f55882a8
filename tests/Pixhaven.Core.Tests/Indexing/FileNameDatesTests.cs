using Pixhaven.Core.Indexing;

namespace Pixhaven.Core.Tests.Indexing;

public class FileNameDatesTests
{
    [Theory]
    [InlineData("20190512_143011.jpg", "2019-05-12T14:30:11", false)]
    [InlineData("IMG_20190512_143011.jpg", "2019-05-12T14:30:11", false)]
    [InlineData("IMG-20190512-WA0001.jpg", "2019-05-12T00:00:00", false)]
    [InlineData("PXL_20211224_183012345.jpg", "2021-12-24T18:30:12", false)]
    [InlineData("Screenshot 2019-05-12 at 14.30.11.png", "2019-05-12T14:30:11", false)]
    [InlineData("Screenshot_20190512-143011.png", "2019-05-12T14:30:11", false)] // Android
    [InlineData("Screenshot_2019-05-12-14-30-11.png", "2019-05-12T14:30:11", false)] // older Android
    [InlineData("Screen Shot 2019-05-12 at 2.30.11 PM.png", "2019-05-12T14:30:11", false)] // older macOS
    [InlineData("Screenshot 2023-05-12 at 12.05.09\u202FAM.png", "2023-05-12T00:05:09", false)] // macOS 13 and later
    [InlineData("Screenshot 2023-05-12 at 12.05.09 PM.png", "2023-05-12T12:05:09", false)]
    [InlineData("WhatsApp Image 2023-05-12 at 14.30.11.jpeg", "2023-05-12T14:30:11", false)]
    [InlineData("signal-2023-05-12-143011.jpg", "2023-05-12T14:30:11", false)]
    [InlineData("photo_2023-05-12_14-30-11.jpg", "2023-05-12T14:30:11", false)] // Telegram
    [InlineData("2019-05-12 14.30.11.jpg", "2019-05-12T14:30:11", false)] // Dropbox's camera uploads
    [InlineData("VID_20190512_143011.mp4", "2019-05-12T14:30:11", false)]
    [InlineData("IMG_20190512_143011_1.jpg", "2019-05-12T14:30:11", false)]
    [InlineData("PXL_20211224_183012345.MP.jpg", "2021-12-24T18:30:12", false)]
    [InlineData("2019-05-12 Trip to the sea/DSC_0001.jpg", "2019-05-12T00:00:00", true)]
    [InlineData("Photos/2018/07/DSC_0001.jpg", "2018-07-01T00:00:00", true)]
    [InlineData("Photos/2018/07/24/DSC_0001.jpg", "2018-07-24T00:00:00", true)]
    public void Parse_FindsDatesInNamesThenFolders(string path, string expected, bool fromFolder)
    {
        var parsed = FileNameDates.Parse(path);
        Assert.NotNull(parsed);
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed.Value.Local);
        Assert.Equal(fromFolder, parsed.Value.FromFolder);
    }

    [Theory]
    [InlineData("DSC_0001.jpg")]
    [InlineData("IMG_1234.HEIC")]
    [InlineData("20191345_000000.jpg")]
    [InlineData("scan-20190230.jpg")]
    [InlineData("1234567890123.jpg")]
    public void Parse_IgnoresNamesWithoutAValidDate(string path) => Assert.Null(FileNameDates.Parse(path));
}
