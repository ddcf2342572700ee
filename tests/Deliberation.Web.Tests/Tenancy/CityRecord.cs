using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Minutes;
using Deliberation.Core.Rooms;
using Deliberation.Testing;
using Deliberation.Web.Tests.Admin;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Tenancy;

/// <summary>
/// One of everything the demo city owns, each carrying <see cref="Secret"/> in its text, so that a test can ask
/// another body's accounts for each by id and check that the answer is refused and that the secret never shows.
/// </summary>
public sealed record CityRecord(
    string Secret, Guid Organization, Guid Session, Guid DraftSession, Guid Comment, Guid Questionnaire, Guid Minutes,
    Guid Item, Guid Attachment, Guid Member)
{
    public static async Task<CityRecord> CreateAsync(HubFactory hub)
    {
        var secret = AdminData.Unique("CITYSECRET");
        var org = await hub.DemoOrgAsync();
        return await hub.WithDbAsync(async db =>
        {
            // Session titles are public once published (home page): the secret goes only into what is never public.
            var session = await TestSessions.CreateAsync(db, org, PublicAccess.Closed, titlePrefix: "城市闭门协商");
            var taken = (await db.Consultations.Select(c => c.RoomCode).ToListAsync()).ToHashSet();
            var draft = new Consultation
            {
                OrganizationId = org, Title = $"{secret} 草稿", RoomCode = RoomCodes.Allocate(taken), PublicAccess = PublicAccess.Interact,
                StartsAt = DateTimeOffset.UtcNow.AddDays(1), EndsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(2),
            };
            db.Consultations.Add(draft);
            var comment = new Comment
            {
                ConsultationId = session.Id, AuthorKey = "v:city", AuthorName = "市民", Tier = ParticipantTier.Public, Text = $"{secret} 留言",
                Status = CommentStatus.Approved, CreatedAt = DateTimeOffset.UtcNow,
            };
            var questionnaire = new Questionnaire
            {
                OrganizationId = org, ConsultationId = session.Id, Title = $"{secret} 问卷", Status = BallotStatus.Open, CreatedAt = DateTimeOffset.UtcNow,
                Items = [new QuestionnaireItem { Key = "q1", Text = "意见", Kind = QuestionnaireItemKind.Text }],
            };
            db.QuestionnaireResponses.Add(new QuestionnaireResponse
            {
                QuestionnaireId = questionnaire.Id, RespondentKey = "v:city", RespondentName = "市民", SubmittedAt = DateTimeOffset.UtcNow,
                Answers = [new QuestionnaireAnswer { Key = "q1", Text = $"{secret} 答卷" }],
            });
            var minutes = new MinutesDocument
            {
                ConsultationId = session.Id, OrganizationId = org, Year = 2000 + Random.Shared.Next(100), Number = Random.Shared.Next(1000, 1_000_000),
                CurrentVersionNo = 1, CompileState = CompileState.Succeeded, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.MinutesVersions.Add(new MinutesVersion { MinutesId = minutes.Id, No = 1, Markdown = $"# {secret} 纪要\n\n内部内容", AuthorName = "市政协", CreatedAt = DateTimeOffset.UtcNow });
            var department = await db.Departments.Where(d => d.OrganizationId == org).Select(d => d.Id).FirstAsync();
            var item = new OutcomeItem
            {
                OrganizationId = org, Title = $"{secret} 建议", Text = $"{secret} 建议正文", IsPublic = false, ProposedDepartmentId = department,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            var reply = new FollowUpReply
            {
                ItemId = item.Id, Round = 1, DepartmentId = department, Text = $"{secret} 答复", ContactSummary = "电话", RepliedAt = DateTimeOffset.UtcNow,
                ContactedAt = DateTimeOffset.UtcNow,
            };
            var attachment = new FollowUpAttachment { ReplyId = reply.Id, FileName = "city.txt", ContentType = "text/plain", Size = secret.Length, Data = System.Text.Encoding.UTF8.GetBytes(secret) };
            reply.Attachments.Add(attachment);
            db.AddRange(comment, questionnaire, minutes, item, reply);
            await db.SaveChangesAsync();
            var member = await db.Members.Where(m => m.OrganizationId == org).Select(m => m.Id).FirstAsync();
            return new CityRecord(secret, org, session.Id, draft.Id, comment.Id, questionnaire.Id, minutes.Id, item.Id, attachment.Id, member);
        });
    }
}
