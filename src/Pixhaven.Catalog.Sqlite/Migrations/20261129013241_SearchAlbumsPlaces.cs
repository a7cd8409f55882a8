using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Pixhaven.Catalog.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchAlbumsPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "photos",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CameraSource",
                table: "photos",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "City",
                table: "photos",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Color",
                table: "photos",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CountryCode",
                table: "photos",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EditedAt",
                table: "photos",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Favorite",
                table: "photos",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PlaceLabel",
                table: "photos",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Private",
                table: "photos",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "photos",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "albums",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: true),
                    CoverPhotoId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_albums", x => x.Id);
                    table.ForeignKey(
                        name: "FK_albums_photos_CoverPhotoId",
                        column: x => x.CoverPhotoId,
                        principalTable: "photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "labels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "album_photos",
                columns: table => new
                {
                    AlbumId = table.Column<long>(type: "INTEGER", nullable: false),
                    PhotoId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_album_photos", x => new { x.AlbumId, x.PhotoId });
                    table.ForeignKey(
                        name: "FK_album_photos_albums_AlbumId",
                        column: x => x.AlbumId,
                        principalTable: "albums",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_album_photos_photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "photo_labels",
                columns: table => new
                {
                    PhotoId = table.Column<long>(type: "INTEGER", nullable: false),
                    LabelId = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_photo_labels", x => new { x.PhotoId, x.LabelId });
                    table.ForeignKey(
                        name: "FK_photo_labels_labels_LabelId",
                        column: x => x.LabelId,
                        principalTable: "labels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_photo_labels_photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_photos_CountryCode",
                table: "photos",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_album_photos_PhotoId",
                table: "album_photos",
                column: "PhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_albums_CoverPhotoId",
                table: "albums",
                column: "CoverPhotoId");

            migrationBuilder.CreateIndex(
                name: "IX_albums_Uid",
                table: "albums",
                column: "Uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_labels_Slug",
                table: "labels",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_photo_labels_LabelId",
                table: "photo_labels",
                column: "LabelId");

            migrationBuilder.Sql(FullTextSchema.CreateV1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FullTextSchema.DropV1);

            migrationBuilder.DropTable(
                name: "album_photos");

            migrationBuilder.DropTable(
                name: "photo_labels");

            migrationBuilder.DropTable(
                name: "albums");

            migrationBuilder.DropTable(
                name: "labels");

            migrationBuilder.DropIndex(
                name: "IX_photos_CountryCode",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "CameraSource",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "City",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "Color",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "CountryCode",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "Favorite",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "PlaceLabel",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "Private",
                table: "photos");

            migrationBuilder.DropColumn(
                name: "State",
                table: "photos");
        }
    }
}
