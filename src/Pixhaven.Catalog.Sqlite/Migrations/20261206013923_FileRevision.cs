using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FileRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "files",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "files");
        }
    }
}
