using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VideoDuration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Duration",
                table: "photos",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Codec",
                table: "files",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Duration",
                table: "files",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Duration",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "Codec",
                table: "files");

            migrationBuilder.DropColumn(
                name: "Duration",
                table: "files");
        }
    }
}
