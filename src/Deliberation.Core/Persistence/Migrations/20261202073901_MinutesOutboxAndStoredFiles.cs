using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MinutesOutboxAndStoredFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MinutesPublicFiles",
                columns: table => new
                {
                    MinutesId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNo = table.Column<int>(type: "integer", nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    FileName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RenderedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesPublicFiles", x => new { x.MinutesId, x.VersionNo, x.Format });
                    table.ForeignKey(
                        name: "FK_MinutesPublicFiles_Minutes_MinutesId",
                        column: x => x.MinutesId,
                        principalTable: "Minutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesWork",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinutesId = table.Column<Guid>(type: "uuid", nullable: true),
                    VersionNo = table.Column<int>(type: "integer", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EnqueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    JobId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RunBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesWork", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesWork_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MinutesWork_ConsultationId",
                table: "MinutesWork",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesWork_Pending",
                table: "MinutesWork",
                column: "RequestedAt",
                filter: "\"EnqueuedAt\" IS NULL");

            // Minutes published before this migration get their public files rendered once, like new ones.
            migrationBuilder.Sql("""
                INSERT INTO "MinutesWork" ("Id", "Kind", "ConsultationId", "MinutesId", "VersionNo", "RequestedAt")
                SELECT gen_random_uuid(), 'RenderPublic', "ConsultationId", "Id", "PublishedVersionNo", now()
                FROM "Minutes" WHERE "Status" = 'Published' AND "PublishedVersionNo" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MinutesPublicFiles");

            migrationBuilder.DropTable(
                name: "MinutesWork");
        }
    }
}
