using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "index_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Found = table.Column<int>(type: "INTEGER", nullable: false),
                    Indexed = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Moved = table.Column<int>(type: "INTEGER", nullable: false),
                    Missing = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_index_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenAtOffsetMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    TakenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenAtSource = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    TitleSource = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: true),
                    DescriptionSource = table.Column<int>(type: "INTEGER", nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: true),
                    KeywordsSource = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    CameraMake = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CameraModel = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Lens = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FocalLength = table.Column<double>(type: "REAL", nullable: true),
                    FNumber = table.Column<double>(type: "REAL", nullable: true),
                    ExposureTime = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Iso = table.Column<int>(type: "INTEGER", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Altitude = table.Column<double>(type: "REAL", nullable: true),
                    LocationSource = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    Duration = table.Column<double>(type: "REAL", nullable: true),
                    ThumbnailHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Missing = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PhotoId = table.Column<long>(type: "INTEGER", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Mime = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true),
                    Orientation = table.Column<int>(type: "INTEGER", nullable: true),
                    Duration = table.Column<double>(type: "REAL", nullable: true),
                    Codec = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StackKey = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    ContentIdentifier = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Edited = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmbeddedVideo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Primary = table.Column<bool>(type: "INTEGER", nullable: false),
                    Duplicate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Missing = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    MetadataAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ThumbnailsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IndexedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_files_photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_files_ContentIdentifier",
                table: "files",
                column: "ContentIdentifier");

            migrationBuilder.CreateIndex(
                name: "IX_files_Hash",
                table: "files",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_files_Path",
                table: "files",
                column: "Path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_files_PhotoId",
                table: "files",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_files_StackKey",
                table: "files",
                column: "StackKey");

            migrationBuilder.CreateIndex(
                name: "IX_files_Status",
                table: "files",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_photos_Missing_TakenAtUtc_Id",
                table: "photos",
                columns: new[] { "Missing", "TakenAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_photos_Uid",
                table: "photos",
                column: "Uid",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "files");

            migrationBuilder.DropTable(
                name: "index_runs");

            migrationBuilder.DropTable(
                name: "photos");
        }
    }
}
