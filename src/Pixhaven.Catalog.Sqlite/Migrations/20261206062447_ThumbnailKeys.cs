using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ThumbnailKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ThumbnailKey",
                table: "files",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // Thumbnails made before were all kept under the content hash. A RAW left without any (its reason begins
            // "RAW (") has none to point at.
            migrationBuilder.Sql("""
                UPDATE files SET "ThumbnailKey" = "Hash"
                WHERE "Hash" IS NOT NULL AND "ThumbnailsAt" IS NOT NULL AND "Type" <> 4 AND "Status" IN (0, 1)
                  AND NOT ("Type" = 2 AND "Status" = 1 AND "Error" LIKE 'RAW (%')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ThumbnailKey",
                table: "files");
        }
    }
}
