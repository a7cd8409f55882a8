using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Stacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Rating",
                table: "photos",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentIdentifier",
                table: "files",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Edited",
                table: "files",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "StackKey",
                table: "files",
                type: "TEXT",
                maxLength: 4096,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_files_ContentIdentifier",
                table: "files",
                column: "ContentIdentifier");

            migrationBuilder.CreateIndex(
                name: "IX_files_StackKey",
                table: "files",
                column: "StackKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_files_ContentIdentifier",
                table: "files");

            migrationBuilder.DropIndex(
                name: "IX_files_StackKey",
                table: "files");

            migrationBuilder.DropColumn(
                name: "Rating",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "ContentIdentifier",
                table: "files");

            migrationBuilder.DropColumn(
                name: "Edited",
                table: "files");

            migrationBuilder.DropColumn(
                name: "StackKey",
                table: "files");
        }
    }
}
