using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>Catalog rows as text, for comparing a restored catalog with its original, whatever the database.</summary>
public static class CatalogRows
{
    /// <summary>Appends every row the reader returns as "table:v1|v2|...", leaving out the thumbnail stamps (a restore asks for new thumbnails).</summary>
    public static async Task AppendAsync(StringBuilder dump, string table, DbDataReader reader)
    {
        // The counter of changes to the library is left out too: that request for new thumbnails moves it.
        if (table == "library_changes")
        {
            return;
        }

        while (await reader.ReadAsync())
        {
            dump.Append(table).Append(':');
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetName(i) != "ThumbnailsAt")
                {
                    dump.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
            }

            dump.AppendLine();
        }
    }
}
