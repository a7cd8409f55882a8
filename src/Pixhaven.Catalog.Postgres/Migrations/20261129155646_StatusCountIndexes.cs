using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StatusCountIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_files_Status",
                table: "files");

            migrationBuilder.CreateIndex(
                name: "IX_photos_Missing",
                table: "photos",
                column: "Missing");

            migrationBuilder.CreateIndex(
                name: "IX_files_Status_Missing",
                table: "files",
                columns: new[] { "Status", "Missing" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_photos_Missing",
                table: "photos");

            migrationBuilder.DropIndex(
                name: "IX_files_Status_Missing",
                table: "files");

            migrationBuilder.CreateIndex(
                name: "IX_files_Status",
                table: "files",
                column: "Status");
        }
    }
}
