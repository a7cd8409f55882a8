using Pixhaven.Core.Media.Metadata;

namespace Pixhaven.Core.Tests.Media;

public class MetadataDatesTests
{
    [Theory]
    [InlineData("2022:07:22 21:26:32", "2022-07-22T21:26:32.0000000", null)]
    [InlineData("2022-07-22T21:26:32.092+08:00", "2022-07-22T21:26:32.0920000", "08:00:00")]
    [InlineData("2008:03:15 07:44:21-07:00", "2008-03-15T07:44:21.0000000", "-07:00:00")]
    [InlineData("2019:01:01", "2019-01-01T00:00:00.0000000", null)]
    [InlineData("2023:11:15 12:30:00Z", "2023-11-15T12:30:00.0000000", "00:00:00")]
    public void ParseDateTime_AcceptsExifAndXmpForms(string text, string local, string? offset)
    {
        var parsed = MetadataDates.ParseDateTime(text);
        Assert.NotNull(parsed);
        Assert.Equal(local, parsed.Value.Local.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(offset, parsed.Value.Offset?.ToString());
    }

    [Theory]
    [InlineData("0000:00:00 00:00:00")]
    [InlineData("    :  :     :  :  ")]
    [InlineData("2021:02:30 10:00:00")]
    [InlineData("not a date")]
    [InlineData(null)]
    public void ParseDateTime_RejectsPlaceholdersAndNonsense(string? text) => Assert.Null(MetadataDates.ParseDateTime(text));

    [Fact]
    public void ParseIptc_CombinesDateAndTimeWithOffset()
    {
        var parsed = MetadataDates.ParseIptc("20080315", "074421-0700");
        Assert.Equal(new DateTime(2008, 3, 15, 7, 44, 21), parsed!.Value.Local);
        Assert.Equal(TimeSpan.FromHours(-7), parsed.Value.Offset);
    }

    [Theory]
    [InlineData("092", 920_000)]
    [InlineData("49", 4_900_000)]
    [InlineData("5\0\0", 5_000_000)]
    [InlineData("", 0)]
    public void FractionTicks_ReadsDigitsAsDecimalFraction(string digits, long ticks) =>
        Assert.Equal(ticks, MetadataDates.FractionTicks(digits));

    [Theory]
    [InlineData("+15:00")]
    [InlineData("+0a:00")]
    [InlineData("08:00")]
    public void ParseOffset_RejectsInvalid(string text) => Assert.Null(MetadataDates.ParseOffset(text));
}
