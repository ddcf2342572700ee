using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Deliberation.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SecretBallotCountsAndPeak : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FormalVoteTallies",
                columns: table => new
                {
                    VoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    For = table.Column<int>(type: "integer", nullable: false),
                    Against = table.Column<int>(type: "integer", nullable: false),
                    Abstain = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormalVoteTallies", x => x.VoteId);
                    table.ForeignKey(
                        name: "FK_FormalVoteTallies_FormalVotes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "FormalVotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomPeaks",
                columns: table => new
                {
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeakOnline = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomPeaks", x => x.ConsultationId);
                    table.ForeignKey(
                        name: "FK_RoomPeaks_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The peak moves to its own row; running counts move to the tally (closed votes keep their recorded
            // result, open ones are counted from their ballots). Secret ballots then go: no row may link a voter to a choice.
            migrationBuilder.Sql("""
                INSERT INTO "RoomPeaks" ("ConsultationId", "PeakOnline")
                SELECT "Id", "Room_PeakOnline" FROM "Consultations" WHERE "Room_PeakOnline" > 0;
                INSERT INTO "FormalVoteTallies" ("VoteId", "For", "Against", "Abstain")
                SELECT v."Id",
                    CASE WHEN v."Status" = 'Closed' THEN v."For" ELSE count(b."Id") FILTER (WHERE b."Choice" = 'For') END,
                    CASE WHEN v."Status" = 'Closed' THEN v."Against" ELSE count(b."Id") FILTER (WHERE b."Choice" = 'Against') END,
                    CASE WHEN v."Status" = 'Closed' THEN v."Abstain" ELSE count(b."Id") FILTER (WHERE b."Choice" = 'Abstain') END
                FROM "FormalVotes" v LEFT JOIN "FormalBallots" b ON b."VoteId" = v."Id"
                GROUP BY v."Id";
                DELETE FROM "FormalBallots" WHERE "ParticipantId" IS NULL;
                """);

            migrationBuilder.AlterColumn<Guid>(
                name: "ParticipantId",
                table: "FormalBallots",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.DropColumn(
                name: "Room_PeakOnline",
                table: "Consultations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Secret ballots deleted by Up cannot come back; open secret votes keep no count after going down.
            migrationBuilder.AddColumn<int>(
                name: "Room_PeakOnline",
                table: "Consultations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE "Consultations" c SET "Room_PeakOnline" = p."PeakOnline" FROM "RoomPeaks" p WHERE p."ConsultationId" = c."Id";
                """);

            migrationBuilder.DropTable(
                name: "FormalVoteTallies");

            migrationBuilder.DropTable(
                name: "RoomPeaks");

            migrationBuilder.AlterColumn<Guid>(
                name: "ParticipantId",
                table: "FormalBallots",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");
        }
    }
}
