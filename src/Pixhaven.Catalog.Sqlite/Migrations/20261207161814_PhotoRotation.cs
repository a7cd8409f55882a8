using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PhotoRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Rotation",
                table: "photos",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Rotation",
                table: "photos");
        }
    }
}
