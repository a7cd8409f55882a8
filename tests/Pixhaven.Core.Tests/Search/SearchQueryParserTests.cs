using Pixhaven.Core.Search.Query;

namespace Pixhaven.Core.Tests.Search;

public class SearchQueryParserTests
{
    private static FilterTerm Single(string text) => Assert.IsType<FilterTerm>(Assert.Single(SearchQueryParser.Parse(text).Terms));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    public void Parse_Blank_IsEmpty(string? text) => Assert.Empty(SearchQueryParser.Parse(text).Terms);

    public static TheoryData<string, FilterKey> EveryFilter()
    {
        var data = new TheoryData<string, FilterKey>();
        var sample = new Dictionary<FilterKind, string>
        {
            [FilterKind.Text] = "x",
            [FilterKind.Bool] = "true",
            [FilterKind.Number] = "2019-2020",
            [FilterKind.Date] = "2019-06-30",
            [FilterKind.MediaType] = "raw",
            [FilterKind.Near] = "48.1,11.5",
            [FilterKind.Distance] = "10",
        };
        foreach (var filter in SearchFilter.All)
        {
            foreach (var name in filter.Names)
            {
                var value = filter.Key switch
                {
                    FilterKey.Month or FilterKey.Day => "1-12",
                    FilterKey.Color => "red",
                    _ => sample[filter.Kind],
                };
                data.Add($"{name}:{value}", filter.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFilter))]
    public void Parse_EveryFilterAndAlias_IsKnown(string text, FilterKey key) => Assert.Equal(key, Single(text).Filter.Key);

    [Fact]
    public void Parse_FiltersAndWords_KeepOrderAndPositions()
    {
        var query = SearchQueryParser.Parse("beach label:cat  year:2019 \"new york\"");
        Assert.Collection(query.Terms,
            t => Assert.Equal(new TextTerm("beach", false, 0), t),
            t => Assert.Equal((FilterKey.Label, 6), (((FilterTerm)t).Filter.Key, t.Position)),
            t => Assert.Equal((FilterKey.Year, 17), (((FilterTerm)t).Filter.Key, t.Position)),
            t => Assert.Equal(new TextTerm("new york", false, 27), t));
    }

    [Fact]
    public void Parse_NamesAreCaseInsensitive() => Assert.Equal(FilterKey.Camera, Single("Camera:Canon").Filter.Key);

    [Fact]
    public void Parse_QuotedValue_KeepsSpacesAndBars()
    {
        var term = Single("city:\"San Francisco|Bay\"");
        Assert.Equal(new TextValue("San Francisco|Bay", true), Assert.Single(term.Values));
    }

    [Fact]
    public void Parse_EscapedQuoteInsideQuotes()
    {
        var term = Single("title:\"the \\\"best\\\" day\"");
        Assert.Equal("the \"best\" day", ((TextValue)term.Values[0]).Text);
    }

    [Fact]
    public void Parse_Bar_MeansAlternatives()
    {
        var term = Single("label:cat|dog|\"red fox\"");
        Assert.Equal(["cat", "dog", "red fox"], term.Values.Cast<TextValue>().Select(v => v.Text));
    }

    [Fact]
    public void Parse_LeadingDash_Negates()
    {
        var query = SearchQueryParser.Parse("-label:cat -beach");
        Assert.All(query.Terms, t => Assert.True(t.Negated));
        Assert.Equal("beach", Assert.IsType<TextTerm>(query.Terms[1]).Text);
    }

    [Theory]
    [InlineData("iso:100-400", 100, 400)]
    [InlineData("iso:200", 200, 200)]
    [InlineData("f:1.4-2.8", 1.4, 2.8)]
    [InlineData("year:2015-2018", 2015, 2018)]
    [InlineData("mm:50", 50, 50)]
    [InlineData("mp:12.5", 12.5, 12.5)]
    [InlineData("month:6-8", 6, 8)]
    public void Parse_NumbersAndRanges(string text, double min, double max) =>
        Assert.Equal(new NumberRange(min, max), Assert.Single(Single(text).Values));

    [Theory]
    [InlineData("favorite:true", true)]
    [InlineData("favorite:yes", true)]
    [InlineData("favorite:1", true)]
    [InlineData("geo:false", false)]
    [InlineData("geo:no", false)]
    [InlineData("private:0", false)]
    [InlineData("stack:TRUE", true)]
    public void Parse_Booleans(string text, bool value) => Assert.Equal(value, Assert.Single(Single(text).Values));

    [Theory]
    [InlineData("before:2019", 2019, 1, 1)]
    [InlineData("after:2019-06", 2019, 6, 1)]
    [InlineData("after:2019-06-30", 2019, 6, 30)]
    public void Parse_Dates(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Assert.Single(Single(text).Values));

    [Fact]
    public void Parse_NearPositionOrUid()
    {
        Assert.Equal(new NearValue(48.1, -11.5, null), Single("near:48.1,-11.5").Values[0]);
        Assert.Equal(new NearValue(null, null, "pabc123"), Single("near:pABC123").Values[0]);
    }

    [Fact]
    public void Parse_TypeValues() => Assert.Equal(["raw", "video", "live"], Single("type:RAW|video|live").Values.Cast<string>());

    [Fact]
    public void Parse_WordWithColonAfterDigits_IsText() =>
        Assert.Equal("10:30", Assert.IsType<TextTerm>(Assert.Single(SearchQueryParser.Parse("10:30").Terms)).Text);

    [Theory]
    [InlineData("colour:red label:", 17, "'label:' needs a value")]
    [InlineData("foo:bar", 0, "unknown filter 'foo:'")]
    [InlineData("cat -foo:bar", 5, "unknown filter 'foo:'")]
    [InlineData("title:\"open", 6, "a quote is not closed")]
    [InlineData("\"open", 0, "a quote is not closed")]
    [InlineData("year:twenty", 5, "'year:' takes a number or a range like 10-20, not 'twenty'")]
    [InlineData("iso:400-100", 4, "'iso:' range '400-100' runs backwards")]
    [InlineData("month:13", 6, "'month:' takes values from 1 to 12, not '13'")]
    [InlineData("year:99", 5, "'year:' takes values from 1000 to 9999, not '99'")]
    [InlineData("favorite:maybe", 9, "'favorite:' takes true or false, not 'maybe'")]
    [InlineData("before:2019-13-01", 7, "'before:' takes a date like 2019, 2019-06 or 2019-06-30, not '2019-13-01'")]
    [InlineData("type:photo", 5, "'type:' takes one of image, raw, video, live, animated, not 'photo'")]
    [InlineData("near:91,0", 5, "'near:' takes latitude,longitude in degrees or a photo uid, not '91,0'")]
    [InlineData("near:../etc", 5, "'near:' takes latitude,longitude in degrees or a photo uid, not '../etc'")]
    [InlineData("dist:-5", 5, "'dist:' takes a distance in km between 0 and 20000, not '-5'")]
    [InlineData("label:cat|", 10, "'label:' needs a value")]
    [InlineData("color:teal", 6, "'color:' takes one of red, orange, yellow, green, blue, purple, pink, brown, black, grey, white, not 'teal'")]
    [InlineData("cat - dog", 4, "'-' must be followed by a word or a filter")]
    [InlineData("title:\"\"", 6, "'title:' needs a value")]
    public void Parse_Invalid_PointsAtTheBadToken(string text, int position, string message)
    {
        var error = Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(text));
        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_TooLongOrTooManyTerms_Fails()
    {
        Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(new string('a', SearchQueryParser.MaxLength + 1)));
        Assert.Throws<SearchQueryException>(() => SearchQueryParser.Parse(string.Join(' ', Enumerable.Repeat("a", SearchQueryParser.MaxTerms + 1))));
    }

    [Fact]
    public void Parse_ArbitraryInput_NeverThrowsAnythingButQueryErrors()
    {
        var random = new Random(42);
        const string alphabet = "ab:|\"\\- 19.,*yearlbisoftnc\t\u00e9\u0000";
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            try
            {
                SearchQueryParser.Parse(text);
            }
            catch (SearchQueryException e)
            {
                Assert.InRange(e.Position, 0, text.Length);
            }
        }
    }
}
