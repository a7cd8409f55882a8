using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <summary>The counter of changes to the library's content that cached overviews last until (see LibraryChangesSchema).</summary>
    public partial class LibraryChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LibraryChangesSchema.CreateV1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LibraryChangesSchema.DropV1);
        }
    }
}
