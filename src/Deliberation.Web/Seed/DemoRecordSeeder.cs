using System.Text.Json;
using System.Text.Json.Serialization;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Seed;

/// <summary>
/// Adds a second, live demo session ("老旧小区加装电梯（第一场）") with a realistic record — speeches, comments
/// (one rejected, one hidden), questions with answers and a merge, polls, a formal vote and outcomes — using
/// the scheduled demo session's participants, so ending it compiles real minutes. Idempotent: it adds the
/// session only when no session has its title.
/// </summary>
public sealed partial class DemoRecordSeeder(HubDbContext db, TimeProvider clock, IWebHostEnvironment env, ILogger<DemoRecordSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var path = Path.Combine(env.ContentRootPath, "Seed", "demo-record.json");
        var r = JsonSerializer.Deserialize<DemoRecord>(await File.ReadAllTextAsync(path, ct), Json) ?? throw new InvalidOperationException($"{path} is empty");
        if (await db.Consultations.AnyAsync(c => c.Title == r.Title, ct)) return;
        var source = await db.Consultations.AsNoTracking().Include(c => c.Participants).Include(c => c.Agenda).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Title == r.SourceSessionTitle, ct);
        if (source is null) return;

        var now = clock.GetUtcNow();
        var start = now.AddMinutes(-r.StartedMinutesAgo);
        var taken = (await db.Consultations.Where(c => c.Status != ConsultationStatus.Archived).Select(c => c.RoomCode).ToListAsync(ct)).ToHashSet();
        var session = new Consultation
        {
            OrganizationId = source.OrganizationId, Title = r.Title, Summary = r.Summary, Type = source.Type, Mode = source.Mode,
            Venue = source.Venue, HostName = source.HostName, PublicAccess = source.PublicAccess, StartsAt = start,
            EndsAt = start.AddMinutes(r.DurationMinutes), RoomCode = RoomCodes.Allocate(taken), CreatedAt = start.AddDays(-7),
        };
        db.RoomPeaks.Add(new RoomPeak { ConsultationId = session.Id, PeakOnline = r.PeakOnline });
        session.MoveTo(ConsultationStatus.Scheduled, start.AddDays(-7));
        session.MoveTo(ConsultationStatus.Live, start);
        session.Agenda = source.Agenda.OrderBy(a => a.Order).Select(a => new AgendaItem { Order = a.Order, Title = a.Title, Presenter = a.Presenter, DurationMinutes = a.DurationMinutes }).ToList();
        var members = source.Participants.Where(p => p.Tier == ParticipantTier.Member).OrderBy(p => p.UserId is null).ThenBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
        var absent = members.TakeLast(r.AbsentMembers).Select(p => p.Id).ToHashSet();
        var copies = source.Participants.OrderBy(p => p.Tier).ThenBy(p => p.DisplayName, StringComparer.Ordinal).ToDictionary(p => p.Id, p => new Participant
        {
            DisplayName = p.DisplayName, Tier = p.Tier, MemberId = p.MemberId, DepartmentId = p.DepartmentId, UserId = p.UserId, Affiliation = p.Affiliation,
            HasVotingRight = p.HasVotingRight, RegisteredAt = start.AddDays(-3), CheckedInAt = absent.Contains(p.Id) ? null : start.AddMinutes(-10),
        });
        session.Participants = copies.Values.ToList();
        db.Consultations.Add(session);

        Participant Speaker(string who) => who.StartsWith("member:", StringComparison.Ordinal)
            ? copies[members[int.Parse(who[7..], System.Globalization.CultureInfo.InvariantCulture)].Id]
            : session.Participants.First(p => p.DisplayName == who);
        var speeches = r.Speeches.Select((s, i) =>
        {
            var p = Speaker(s.Speaker);
            var sector = p.Tier == ParticipantTier.Department ? p.Affiliation?.Split(' ')[0] : p.Tier == ParticipantTier.Member ? p.Affiliation : null;
            var at = start.AddMinutes(25 + i * 6);
            return new Speech
            {
                ConsultationId = session.Id, ParticipantId = p.Id, SpeakerKey = $"p:{p.Id:N}", SpeakerName = p.DisplayName, Tier = p.Tier, Sector = sector,
                Kind = s.Kind, Topic = s.Topic, Text = s.Text, Status = SpeechStatus.Done, Position = i + 1, RequestedAt = at.AddMinutes(-5),
                StartedAt = at, EndedAt = at.AddMinutes(5), AllowedSeconds = 300,
            };
        }).ToList();
        db.Speeches.AddRange(speeches);

        var comments = r.Comments.Select((c, i) => new Comment
        {
            ConsultationId = session.Id, AuthorKey = $"v:demo{i}", AuthorName = c.Author, Tier = ParticipantTier.Public, Text = c.Text, Status = c.Status,
            Likes = c.Likes, ModerationReason = c.Reason, ModeratedBy = c.Reason is null ? null : source.HostName, CreatedAt = start.AddMinutes(15 + i * 4),
        }).ToList();
        db.Comments.AddRange(comments);

        var questions = r.Questions.ToDictionary(q => q.Key, q => new Question
        {
            ConsultationId = session.Id, AuthorKey = $"v:{q.Key}", AuthorName = q.Author, Tier = ParticipantTier.Public, Text = q.Text, Status = q.Status,
            Votes = q.Votes, AnsweredBy = q.AnsweredBy, AnswerText = q.Answer, AnsweredAt = q.Answer is null ? null : start.AddMinutes(90), CreatedAt = start.AddMinutes(30),
        });
        foreach (var q in r.Questions.Where(q => q.MergedInto is not null))
        {
            questions[q.Key].MergedIntoId = questions[q.MergedInto!].Id;
            questions[q.MergedInto!].MergedCount++;
        }
        db.Questions.AddRange(questions.Values);

        SeedBallots(r, session, members.Count(m => !absent.Contains(m.Id)), members.Count, start);
        var refs = new Dictionary<string, string>();
        for (var i = 0; i < speeches.Count; i++) refs[$"speech:{i}"] = $"speech:{speeches[i].Id}";
        for (var i = 0; i < comments.Count; i++) refs[$"comment:{i}"] = $"comment:{comments[i].Id}";
        foreach (var (key, q) in questions) refs[$"question:{key}"] = $"question:{q.Id}";
        var departments = await db.Departments.Where(d => d.OrganizationId == source.OrganizationId).ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        db.RoomOutcomes.AddRange(r.Outcomes.Select((o, i) => new RoomOutcome
        {
            ConsultationId = session.Id, Kind = o.Kind, Position = i + 1, Text = o.Text, CreatedBy = source.HostName ?? "", CreatedAt = start.AddMinutes(130 + i),
            DepartmentId = o.Department is null ? null : departments.GetValueOrDefault(o.Department), SourceRefs = o.Sources.Select(s => refs[s]).ToList(),
        }));
        await db.SaveChangesAsync(ct);
        LogSeeded(logger, session.Title);
    }

    private void SeedBallots(DemoRecord r, Consultation session, int present, int expected, DateTimeOffset start)
    {
        var voter = 0;
        foreach (var (p, i) in r.Polls.Select((p, i) => (p, i)))
        {
            var poll = new Poll
            {
                ConsultationId = session.Id, Title = p.Title, Kind = p.Kind, Options = [.. p.Options ?? []], Status = BallotStatus.Closed,
                OpenedAt = start.AddMinutes(60 + i * 40), ClosedAt = start.AddMinutes(65 + i * 40), CreatedAt = start,
            };
            db.Polls.Add(poll);
            for (var choice = 0; choice < p.Counts.Length; choice++)
            {
                for (var n = 0; n < p.Counts[choice]; n++)
                {
                    db.PollAnswers.Add(new PollAnswer
                    {
                        PollId = poll.Id, VoterKey = $"v:demo-voter{voter++}", At = poll.ClosedAt!.Value.AddMinutes(-1),
                        Choices = p.Kind == PollKind.Rating ? [] : [choice], Rating = p.Kind == PollKind.Rating ? choice + 1 : null,
                    });
                }
            }
        }
        var v = r.Vote;
        db.FormalVotes.Add(new FormalVote
        {
            ConsultationId = session.Id, Title = v.Title, Status = BallotStatus.Closed, Expected = expected, Present = present, For = v.For, Against = v.Against,
            Abstain = v.Abstain, QuorumMet = present * 2 > expected, Passed = v.For * 2 > expected, OpenedAt = start.AddMinutes(125), ClosedAt = start.AddMinutes(128), CreatedAt = start,
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo record of {Title}")]
    private static partial void LogSeeded(ILogger logger, string title);
}
