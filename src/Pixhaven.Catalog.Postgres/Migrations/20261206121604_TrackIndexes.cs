using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TrackIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_photos_LocationSource",
                table: "photos",
                column: "LocationSource");

            migrationBuilder.CreateIndex(
                name: "IX_files_Format",
                table: "files",
                column: "Format");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_photos_LocationSource",
                table: "photos");

            migrationBuilder.DropIndex(
                name: "IX_files_Format",
                table: "files");
        }
    }
}
