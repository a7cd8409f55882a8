using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OrderIndexWithoutFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_photos_Missing_TakenAtUtc_Id",
                table: "photos");

            migrationBuilder.CreateIndex(
                name: "IX_photos_TakenAtUtc_Id",
                table: "photos",
                columns: new[] { "TakenAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_photos_TakenAtUtc_Id",
                table: "photos");

            migrationBuilder.CreateIndex(
                name: "IX_photos_Missing_TakenAtUtc_Id",
                table: "photos",
                columns: new[] { "Missing", "TakenAtUtc", "Id" });
        }
    }
}
