using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Pixhaven.Core.Search;

/// <summary>
/// The opaque "after" of keyset paging: the order it belongs to, the last row's sort key and id. A page after a
/// cursor is one index seek however deep it is, and rows added meanwhile never shift a page.
/// </summary>
public static class PageCursor
{
    public static string Encode(PhotoOrder order, string key, long id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{(int)order}|{id}|{key}")));

    /// <exception cref="FormatException">The cursor was not made by this class for this order.</exception>
    public static (string Key, long Id) Decode(string cursor, PhotoOrder order)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException)
        {
            throw new FormatException("invalid page cursor");
        }

        var parts = text.Split('|', 3);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var madeFor)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new FormatException("invalid page cursor");
        }

        if (madeFor != (int)order)
        {
            throw new FormatException("the page cursor belongs to another sort order");
        }

        return (parts[2], id);
    }
}
