using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CountryPageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_photos_CountryCode",
                table: "photos");

            migrationBuilder.CreateIndex(
                name: "IX_photos_CountryCode_TakenAtUtc_Id",
                table: "photos",
                columns: new[] { "CountryCode", "TakenAtUtc", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_photos_CountryCode_TakenAtUtc_Id",
                table: "photos");

            migrationBuilder.CreateIndex(
                name: "IX_photos_CountryCode",
                table: "photos",
                column: "CountryCode");
        }
    }
}
