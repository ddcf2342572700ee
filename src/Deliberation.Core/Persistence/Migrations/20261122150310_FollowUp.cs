using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Deliberation.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Audience = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Args = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EmailedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: true),
                    MinutesId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecommendationNumber = table.Column<int>(type: "integer", nullable: true),
                    SourceRefs = table.Column<List<string>>(type: "text[]", nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    ProposedDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LeadDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    RoundStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RoundReplied = table.Column<bool>(type: "boolean", nullable: false),
                    DissatisfiedReopens = table.Column<int>(type: "integer", nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    OverdueSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinalSatisfaction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LookBackDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LookBackDoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutcomeItems_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OutcomeItems_Departments_LeadDepartmentId",
                        column: x => x.LeadDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutcomeItems_Departments_ProposedDepartmentId",
                        column: x => x.ProposedDepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OutcomeItems_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SentReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Percent = table.Column<int>(type: "integer", nullable: true),
                    Verdict = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpEvents_OutcomeItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "OutcomeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Overall = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Communication = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Adoption = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Effect = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpRatings_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpRatings_OutcomeItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "OutcomeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpReplies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Round = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OnTime = table.Column<bool>(type: "boolean", nullable: false),
                    ContactMethod = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContactedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContactSummary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpReplies_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpReplies_OutcomeItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "OutcomeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeaderInstructions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LeaderUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaderInstructions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeaderInstructions_OutcomeItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "OutcomeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeCoHandler",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeCoHandler", x => new { x.ItemId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_OutcomeCoHandler_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutcomeCoHandler_OutcomeItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "OutcomeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutcomeProposer",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutcomeProposer", x => new { x.ItemId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_OutcomeProposer_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OutcomeProposer_OutcomeItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "OutcomeItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReplyId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpAttachments_FollowUpReplies_ReplyId",
                        column: x => x.ReplyId,
                        principalTable: "FollowUpReplies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpAttachments_ReplyId",
                table: "FollowUpAttachments",
                column: "ReplyId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpEvents_IsPublic_At",
                table: "FollowUpEvents",
                columns: new[] { "IsPublic", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpEvents_ItemId_At",
                table: "FollowUpEvents",
                columns: new[] { "ItemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRatings_ItemId_Round_MemberId",
                table: "FollowUpRatings",
                columns: new[] { "ItemId", "Round", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpRatings_MemberId",
                table: "FollowUpRatings",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReplies_DepartmentId",
                table: "FollowUpReplies",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpReplies_ItemId_Round",
                table: "FollowUpReplies",
                columns: new[] { "ItemId", "Round" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaderInstructions_ItemId",
                table: "LeaderInstructions",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeCoHandler_DepartmentId",
                table: "OutcomeCoHandler",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeItems_ConsultationId",
                table: "OutcomeItems",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeItems_IsPublic_UpdatedAt",
                table: "OutcomeItems",
                columns: new[] { "IsPublic", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeItems_LeadDepartmentId_Status",
                table: "OutcomeItems",
                columns: new[] { "LeadDepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeItems_Minutes_Recommendation",
                table: "OutcomeItems",
                columns: new[] { "MinutesId", "RecommendationNumber" },
                unique: true,
                filter: "\"MinutesId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeItems_OrganizationId_Status",
                table: "OutcomeItems",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeItems_ProposedDepartmentId",
                table: "OutcomeItems",
                column: "ProposedDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_OutcomeProposer_MemberId",
                table: "OutcomeProposer",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SentReminders_Key",
                table: "SentReminders",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpAttachments");

            migrationBuilder.DropTable(
                name: "FollowUpEvents");

            migrationBuilder.DropTable(
                name: "FollowUpRatings");

            migrationBuilder.DropTable(
                name: "LeaderInstructions");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OutcomeCoHandler");

            migrationBuilder.DropTable(
                name: "OutcomeProposer");

            migrationBuilder.DropTable(
                name: "SentReminders");

            migrationBuilder.DropTable(
                name: "FollowUpReplies");

            migrationBuilder.DropTable(
                name: "OutcomeItems");
        }
    }
}
