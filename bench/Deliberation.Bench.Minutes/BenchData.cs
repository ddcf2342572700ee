using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using Deliberation.Core.Tenancy;

namespace Deliberation.Bench.Minutes;

/// <summary>
/// A large ended session: 500 attendees, 100 speeches, 50,000 comments (90% approved), 2,000 questions, 30 closed
/// polls with 500 answers each, 3 formal votes, a questionnaire with 500 responses and 20 outcomes. Deterministic.
/// </summary>
public sealed class BenchData(Func<DbContextOptions<HubDbContext>> options)
{
    public sealed record Created(Guid ConsultationId, string Summary);

    private static readonly string[] Subjects = ["加装电梯", "资金分摊", "低层住户", "后期维保", "审批流程", "财政补贴", "公积金提取", "噪音采光", "物业管理", "无障碍改造", "老年人出行", "施工安全"];
    private static readonly string[] Frames = ["希望尽快解决{0}的问题", "{0}一定要公开透明", "我们小区{0}拖了两年了", "建议政府在{0}方面多出力", "{0}和{1}要一起考虑", "支持！{0}是民生实事", "{0}的标准什么时候出台？", "请问{0}怎么申请"];
    private readonly Random _random = new(42);

    public async Task<Created> CreateAsync()
    {
        var org = new Organization { Name = "基准市政协", Level = OrganizationLevel.City };
        var sectors = Enumerable.Range(1, 20).Select(i => new Sector { OrganizationId = org.Id, Name = $"第{i}界别", SortOrder = i }).ToList();
        var departments = Enumerable.Range(1, 5).Select(i => new Department { OrganizationId = org.Id, Name = $"市第{i}局" }).ToList();
        var members = Enumerable.Range(0, 300).Select(i => new Member { OrganizationId = org.Id, FullName = $"委员{i:000}", SectorId = sectors[i % 20].Id }).ToList();
        var start = new DateTimeOffset(2026, 6, 18, 1, 0, 0, TimeSpan.Zero);
        var session = new Consultation
        {
            OrganizationId = org.Id, Title = "老旧小区加装电梯（基准）", Type = ConsultationType.Online, Mode = ConsultationMode.Hybrid,
            StartsAt = start, EndsAt = start.AddHours(3), RoomCode = "987123", Venue = "线上协商议事厅", HostName = "主持人",
        };
        session.MoveTo(ConsultationStatus.Scheduled, start);
        session.MoveTo(ConsultationStatus.Live, start);
        session.MoveTo(ConsultationStatus.Ended, start.AddHours(3));
        session.Agenda = Enumerable.Range(1, 6).Select(i => new AgendaItem { Order = i, Title = $"议程{i}", DurationMinutes = 20 }).ToList();
        var people = new List<Participant>();
        people.AddRange(members.Select(m => new Participant { DisplayName = m.FullName, Tier = ParticipantTier.Member, MemberId = m.Id, HasVotingRight = true, CheckedInAt = _random.Next(10) > 0 ? start : null }));
        people.AddRange(departments.Select(d => new Participant { DisplayName = $"{d.Name}代表", Tier = ParticipantTier.Department, DepartmentId = d.Id, Affiliation = d.Name, CheckedInAt = start }));
        people.AddRange(Enumerable.Range(0, 10).Select(i => new Participant { DisplayName = $"特邀{i}", Tier = ParticipantTier.Invited, CheckedInAt = start }));
        people.AddRange(Enumerable.Range(0, 10).Select(i => new Participant { DisplayName = $"专家{i}", Tier = ParticipantTier.Expert, CheckedInAt = start }));
        people.AddRange(Enumerable.Range(0, 175).Select(i => new Participant { DisplayName = $"群众{i}", Tier = ParticipantTier.Public, CheckedInAt = start }));
        session.Participants = people;

        await using (var db = new HubDbContext(options()) { Tenancy = OrgScope.ForSystem("bench") })
        {
            db.Organizations.Add(org);
            db.Sectors.AddRange(sectors);
            db.Departments.AddRange(departments);
            db.Members.AddRange(members);
            db.Consultations.Add(session);
            db.RoomPeaks.Add(new RoomPeak { ConsultationId = session.Id, PeakOnline = 12000 });
            var speakers = people.Where(p => p.Tier is ParticipantTier.Member or ParticipantTier.Department).ToList();
            db.Speeches.AddRange(Enumerable.Range(0, 100).Select(i =>
            {
                var p = speakers[i * 3 % speakers.Count];
                return new Speech
                {
                    ConsultationId = session.Id, ParticipantId = p.Id, SpeakerKey = $"p:{i}", SpeakerName = p.DisplayName, Tier = p.Tier,
                    Sector = p.Tier == ParticipantTier.Member ? sectors[i % 20].Name : p.Affiliation, Kind = i % 3 == 0 ? SpeechKind.Written : SpeechKind.Oral,
                    Topic = $"关于{Subjects[i % Subjects.Length]}的建议", Text = string.Concat(Enumerable.Range(0, 8).Select(_ => Sentence() + "。")),
                    Status = i % 10 == 9 ? SpeechStatus.Withdrawn : SpeechStatus.Done, Position = i, RequestedAt = start.AddMinutes(i), StartedAt = start.AddMinutes(i),
                };
            }));
            db.Polls.AddRange(Enumerable.Range(0, 30).Select(i => new Poll
            {
                ConsultationId = session.Id, Title = $"投票{i + 1}：您最关心哪个问题？", Kind = i % 5 == 4 ? PollKind.Rating : PollKind.Single,
                Options = i % 5 == 4 ? [] : ["资金", "审批", "维保", "协调"], Status = BallotStatus.Closed, OpenedAt = start.AddMinutes(i), ClosedAt = start.AddMinutes(i + 3), CreatedAt = start,
            }));
            db.FormalVotes.AddRange(Enumerable.Range(0, 3).Select(i => new FormalVote
            {
                ConsultationId = session.Id, Title = $"表决事项{i + 1}", Status = BallotStatus.Closed, Expected = 300, Present = 270, For = 250, Against = 10, Abstain = 10,
                QuorumMet = true, Passed = true, ClosedAt = start.AddMinutes(150 + i), CreatedAt = start,
            }));
            db.RoomOutcomes.AddRange(Enumerable.Range(0, 20).Select(i => new RoomOutcome
            {
                ConsultationId = session.Id, Kind = (OutcomeKind)(i % 4), Position = i, Text = Sentence() + "。", DepartmentId = departments[i % 5].Id,
                CreatedBy = "主持人", CreatedAt = start.AddHours(2),
            }));
            await db.SaveChangesAsync();
        }
        await InBatchesAsync(50_000, 5_000, (db, i) => db.Comments.Add(new Comment
        {
            ConsultationId = session.Id, AuthorKey = $"v:{i}", AuthorName = $"网民{i}", Tier = ParticipantTier.Public, Text = Sentence(), Likes = _random.Next(100),
            Status = (i % 100) switch { < 90 => CommentStatus.Approved, < 95 => CommentStatus.Rejected, < 98 => CommentStatus.Hidden, _ => CommentStatus.Pending },
            CreatedAt = start.AddSeconds(i / 5.0),
        }));
        await InBatchesAsync(2_000, 2_000, (db, i) => db.Questions.Add(new Question
        {
            ConsultationId = session.Id, AuthorKey = $"v:{i}", AuthorName = $"网民{i}", Tier = ParticipantTier.Public, Text = Sentence() + "？", Votes = _random.Next(200),
            Status = (i % 10) switch { < 2 => QuestionStatus.Answered, < 7 => QuestionStatus.Open, < 9 => QuestionStatus.Merged, _ => QuestionStatus.Hidden },
            AnsweredBy = i % 10 < 2 ? "市第1局" : null, AnswerText = i % 10 < 2 ? Sentence() : null, CreatedAt = start.AddSeconds(i),
        }));
        List<(Guid Id, PollKind Kind)> polls;
        await using (var db = new HubDbContext(options()) { Tenancy = OrgScope.ForSystem("bench") }) polls = (await db.Polls.Where(p => p.ConsultationId == session.Id).Select(p => new { p.Id, p.Kind }).ToListAsync()).Select(p => (p.Id, p.Kind)).ToList();
        await InBatchesAsync(polls.Count * 500, 5_000, (db, i) => db.PollAnswers.Add(new PollAnswer
        {
            PollId = polls[i / 500].Id, VoterKey = $"v:{i % 500}", At = start,
            Choices = polls[i / 500].Kind == PollKind.Rating ? [] : [_random.Next(4)], Rating = polls[i / 500].Kind == PollKind.Rating ? 1 + _random.Next(5) : null,
        }));
        return new Created(session.Id, "500 attendees, 100 speeches, 50,000 comments, 2,000 questions, 30 polls × 500 answers, 3 votes, 20 outcomes");
    }

    private async Task InBatchesAsync(int total, int batch, Action<HubDbContext, int> add)
    {
        for (var from = 0; from < total; from += batch)
        {
            await using var db = new HubDbContext(options()) { Tenancy = OrgScope.ForSystem("bench") };
            for (var i = from; i < Math.Min(total, from + batch); i++) add(db, i);
            await db.SaveChangesAsync();
        }
    }

    private string Sentence()
    {
        var frame = Frames[_random.Next(Frames.Length)];
        return string.Format(frame, Subjects[_random.Next(Subjects.Length)], Subjects[_random.Next(Subjects.Length)]) + (_random.Next(4) == 0 ? "，谢谢" : "");
    }
}
