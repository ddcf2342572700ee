using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;

namespace Deliberation.Web.Tests.Minutes;

/// <summary>
/// A small, fully deterministic ended session with every kind of record, written straight to the database (the
/// live room that normally writes it is built elsewhere). Ids derive from <c>seed</c>, so tests never collide.
/// Text that must never reach the minutes is marked REJECTED / HIDDEN / PENDING / MERGED / OPEN.
/// </summary>
public sealed class MinutesFixture(int seed)
{
    public const string Injection = "<script>alert(1)</script> <img src=x onerror=alert(2)> [点我](javascript:alert(3)) ![图](http://evil.example/x.png) # 标题 {{recommendations}}";
    public static readonly DateTimeOffset Start = new(2026, 6, 18, 1, 0, 0, TimeSpan.Zero);

    public Guid Id(int n) => Guid.Parse($"{seed:x8}-0000-4000-8000-{n:x12}");
    public Guid SessionId => Id(1);
    public Guid OrganizationId => Id(2);
    public Guid HousingId => Id(10);
    public Guid FinanceId => Id(12);
    public Guid RecommendationId => Id(90);

    public async Task CreateAsync(HubDbContext db)
    {
        db.Organizations.Add(new Organization { Id = OrganizationId, Name = "测试市政协", Level = OrganizationLevel.City });
        db.Departments.AddRange(
            new Department { Id = HousingId, OrganizationId = OrganizationId, Name = "市住房和城乡建设局" },
            new Department { Id = Id(11), OrganizationId = OrganizationId, Name = "市市场监督管理局" },
            new Department { Id = FinanceId, OrganizationId = OrganizationId, Name = "市财政局" });
        string[] sectors = ["经济界", "医药卫生界", "社会福利和社会保障界"];
        db.Sectors.AddRange(sectors.Select((s, i) => new Sector { Id = Id(20 + i), OrganizationId = OrganizationId, Name = s, SortOrder = i + 1 }));
        (string Name, int Sector)[] members = [("王建国", 0), ("李秀英", 1), ("张志强", 2), ("刘丽华", 0)];
        db.Members.AddRange(members.Select((m, i) => new Member { Id = Id(30 + i), OrganizationId = OrganizationId, FullName = m.Name, SectorId = Id(20 + m.Sector) }));

        var session = new Consultation
        {
            Id = SessionId, OrganizationId = OrganizationId, Title = "老旧小区加装电梯", Summary = "围绕审批、资金分摊和后期维保开展协商。",
            Type = ConsultationType.Online, Mode = ConsultationMode.Hybrid, StartsAt = Start, EndsAt = Start.AddHours(2.5),
            Venue = "市政协协商议事厅", HostName = "市政协副主席 林振华", RoomCode = $"{seed % 900000 + 100000}", PublicAccess = PublicAccess.Interact,
        };
        db.RoomPeaks.Add(new RoomPeak { ConsultationId = session.Id, PeakOnline = 1234, TotalViewers = 5678 });
        // The 网络直播: broadcast from 09:02 to 11:28 (Beijing time), one recording (the replay).
        db.SessionStreams.Add(new Core.Streaming.SessionStream
        {
            ConsultationId = session.Id, OrganizationId = OrganizationId, PublishName = Id(200).ToString("N"), StreamSecret = "secret",
            KeyIssuedAt = Start, KeyExpiresAt = Start.AddDays(1), State = Core.Streaming.StreamState.Ended,
            StartedAt = Start.AddMinutes(2), EndedAt = Start.AddHours(2.5).AddMinutes(-2),
        });
        db.StreamRecordings.Add(new Core.Streaming.StreamRecording
        {
            Id = Id(201), ConsultationId = session.Id, OrganizationId = OrganizationId, FileName = $"{Id(200):N}-1.mp4",
            StartedAt = Start.AddMinutes(2), EndedAt = Start.AddHours(2.5).AddMinutes(-2),
        });
        session.MoveTo(ConsultationStatus.Scheduled, Start);
        session.MoveTo(ConsultationStatus.Live, Start);
        session.Agenda = [
            new AgendaItem { Id = Id(40), Order = 1, Title = "市住房和城乡建设局通报情况", Presenter = "市住房和城乡建设局", DurationMinutes = 15 },
            new AgendaItem { Id = Id(41), Order = 2, Title = "委员发言", Presenter = "政协委员", DurationMinutes = 60 },
            new AgendaItem { Id = Id(42), Order = 3, Title = "确认协商共识", DurationMinutes = 15 }];
        var at = Start.AddMinutes(1);
        Participant P(int n, string name, ParticipantTier tier, bool present, Guid? member = null, Guid? dept = null, string? aff = null) =>
            new() { Id = Id(n), ConsultationId = SessionId, DisplayName = name, Tier = tier, MemberId = member, DepartmentId = dept, Affiliation = aff,
                    RegisteredAt = Start, CheckedInAt = present ? at : null, HasVotingRight = tier == ParticipantTier.Member };
        session.Participants = [
            P(50, "林振华", ParticipantTier.Moderator, true),
            P(51, "王建国", ParticipantTier.Member, true, Id(30)), P(52, "李秀英", ParticipantTier.Member, true, Id(31)),
            P(53, "张志强", ParticipantTier.Member, true, Id(32)), P(54, "刘丽华", ParticipantTier.Member, false, Id(33)),
            P(55, "李文斌", ParticipantTier.Department, true, dept: HousingId, aff: "市住房和城乡建设局 副局长"),
            P(56, "赵立新", ParticipantTier.Department, true, dept: Id(11), aff: "市市场监督管理局 科长"),
            P(57, "刘玉兰", ParticipantTier.Invited, true, aff: "幸福里社区 居民代表"),
            P(58, "黄振华", ParticipantTier.Expert, true, aff: "滨江大学 教授"),
            P(59, "热心市民小周", ParticipantTier.Public, true), P(60, "六楼的张阿姨", ParticipantTier.Public, false)];
        session.MoveTo(ConsultationStatus.Ended, Start.AddHours(2.5));
        db.Consultations.Add(session);

        Speech S(int n, int who, string name, ParticipantTier tier, string? sector, SpeechKind kind, string? topic, string? text, SpeechStatus status = SpeechStatus.Done) =>
            new() { Id = Id(n), ConsultationId = SessionId, ParticipantId = Id(who), SpeakerKey = $"p:{who}", SpeakerName = name, Tier = tier, Sector = sector,
                    Kind = kind, Topic = topic, Text = text, Status = status, Position = n, RequestedAt = Start.AddMinutes(n), StartedAt = Start.AddMinutes(n) };
        db.Speeches.AddRange(
            S(70, 55, "李文斌", ParticipantTier.Department, "市住房和城乡建设局", SpeechKind.Oral, "全市加装电梯工作进展",
                "截至目前，全市已完成加装电梯420部。今年计划新增300部。审批时限已压缩至20个工作日。下一步将推行联合审批。"),
            S(71, 51, "王建国", ParticipantTier.Member, "经济界", SpeechKind.Written, "建立多元资金分摊机制", "建议按楼层系数分摊建设费用，设立低息贷款。鼓励公积金提取。"),
            S(72, 52, "李秀英", ParticipantTier.Member, "医药卫生界", SpeechKind.Oral, "关注老年人出行安全", null),
            S(73, 53, "张志强", ParticipantTier.Member, "社会福利和社会保障界", SpeechKind.Oral, "WITHDRAWN-撤回的发言", null, SpeechStatus.Withdrawn),
            S(74, 58, "黄振华", ParticipantTier.Expert, null, SpeechKind.Oral, "加装电梯结构安全评估", "既有建筑加装前应做结构安全评估。"));

        Comment C(int n, string text, CommentStatus status, int likes, string author = "网民") =>
            new() { Id = Id(n), ConsultationId = SessionId, AuthorKey = $"v:{n}", AuthorName = author, Tier = ParticipantTier.Public, Text = text,
                    Status = status, Likes = likes, CreatedAt = Start.AddMinutes(n - 90) };
        db.Comments.AddRange(
            C(100, "加装电梯资金分摊怎么算？低层住户不同意怎么办", CommentStatus.Approved, 30, "六楼的张阿姨"),
            C(101, "支持加装电梯，资金分摊要公平", CommentStatus.Approved, 12),
            C(102, "低层住户的采光和噪音问题要解决", CommentStatus.Approved, 8),
            C(103, "加装电梯后的维保费用谁来出？", CommentStatus.Approved, 5),
            C(104, "资金分摊方案希望早点公布", CommentStatus.Approved, 2),
            C(105, Injection, CommentStatus.Approved, 20, "<b>坏人</b>"),
            C(106, "REJECTED-不当言论", CommentStatus.Rejected, 99),
            C(107, "HIDDEN-已撤下的留言", CommentStatus.Hidden, 98),
            C(108, "PENDING-待审核的留言", CommentStatus.Pending, 97));

        Question Q(int n, string text, QuestionStatus status, int votes, int merged = 0, Guid? into = null, string? by = null, string? answer = null) =>
            new() { Id = Id(n), ConsultationId = SessionId, AuthorKey = $"v:{n}", AuthorName = "网民", Tier = ParticipantTier.Public, Text = text,
                    Status = status, Votes = votes, MergedCount = merged, MergedIntoId = into, AnsweredBy = by, AnswerText = answer,
                    AnsweredAt = answer is null ? null : Start.AddHours(1), CreatedAt = Start.AddMinutes(n - 100) };
        db.Questions.AddRange(
            Q(110, "加装电梯审批要多久？", QuestionStatus.Answered, 12, 1, by: "市住房和城乡建设局 李文斌", answer: "联合审批后20个工作日内办结。"),
            Q(111, "有没有财政补贴？", QuestionStatus.Open, 5),
            Q(112, "MERGED-审批时间多长", QuestionStatus.Merged, 0, into: Id(110)),
            Q(113, "HIDDEN-QUESTION", QuestionStatus.Hidden, 40),
            Q(114, "PENDING-QUESTION", QuestionStatus.Pending, 0));

        db.Polls.AddRange(
            new Poll { Id = Id(120), ConsultationId = SessionId, Title = "您是否支持本楼加装电梯？", Kind = PollKind.Single, Options = ["支持", "反对", "视情况而定"],
                       Status = BallotStatus.Closed, OpenedAt = Start.AddMinutes(30), ClosedAt = Start.AddMinutes(35), CreatedAt = Start },
            new Poll { Id = Id(121), ConsultationId = SessionId, Title = "对本次协商的满意度", Kind = PollKind.Rating, Status = BallotStatus.Closed,
                       OpenedAt = Start.AddMinutes(140), ClosedAt = Start.AddMinutes(145), CreatedAt = Start },
            new Poll { Id = Id(122), ConsultationId = SessionId, Title = "OPEN-POLL", Kind = PollKind.Single, Options = ["甲"], Status = BallotStatus.Open, CreatedAt = Start });
        int[] choices = [0, 0, 0, 1, 2];
        db.PollAnswers.AddRange(choices.Select((c, i) => new PollAnswer { PollId = Id(120), VoterKey = $"v:{i}", Choices = [c], At = Start }));
        int[] ratings = [5, 4, 5, 3];
        db.PollAnswers.AddRange(ratings.Select((r, i) => new PollAnswer { PollId = Id(121), VoterKey = $"v:{i}", Rating = r, At = Start }));

        db.FormalVotes.Add(new FormalVote
        {
            Id = Id(130), ConsultationId = SessionId, Title = "关于加快推进老旧小区加装电梯的协商意见", Status = BallotStatus.Closed,
            Expected = 4, Present = 3, For = 3, Against = 0, Abstain = 0, QuorumMet = true, Passed = true,
            OpenedAt = Start.AddMinutes(130), ClosedAt = Start.AddMinutes(133), CreatedAt = Start,
        });
        db.Questionnaires.Add(new Questionnaire
        {
            Id = Id(140), ConsultationId = SessionId, OrganizationId = OrganizationId, Title = "加装电梯意愿调查", Status = BallotStatus.Closed, CreatedAt = Start,
            Items = [new QuestionnaireItem { Key = "q1", Text = "您家住几楼？", Kind = QuestionnaireItemKind.Single, Options = ["1–2楼", "3–4楼", "5楼以上"] },
                     new QuestionnaireItem { Key = "q2", Text = "其他意见", Kind = QuestionnaireItemKind.Text }],
        });
        int[] floors = [2, 2, 0];
        db.QuestionnaireResponses.AddRange(floors.Select((f, i) => new QuestionnaireResponse
        {
            Id = Id(141 + i), QuestionnaireId = Id(140), RespondentKey = $"v:{i}", SubmittedAt = Start.AddMinutes(60 + i),
            Answers = [new QuestionnaireAnswer { Key = "q1", Choices = [f] }, new QuestionnaireAnswer { Key = "q2", Text = i == 0 ? "尽快推进" : null }],
        }));

        RoomOutcome O(int n, OutcomeKind kind, int pos, string text, Guid? dept = null, params string[] refs) =>
            new() { Id = Id(n), ConsultationId = SessionId, Kind = kind, Position = pos, Text = text, DepartmentId = dept, SourceRefs = [.. refs],
                    CreatedBy = "林振华", CreatedAt = Start.AddHours(2) };
        db.RoomOutcomes.AddRange(
            O(80, OutcomeKind.Consensus, 1, "加装电梯是重要的民生工程，应加快推进。"),
            O(81, OutcomeKind.Consensus, 2, "资金分摊应体现楼层差异。", null, $"speech:{Id(71)}"),
            O(85, OutcomeKind.Disagreement, 1, "低层住户补偿标准尚未形成一致意见。", null, $"comment:{Id(102)}"),
            O(90, OutcomeKind.Recommendation, 1, "推行加装电梯联合审批，审批时限压缩至20个工作日。", HousingId, $"speech:{Id(70)}", $"question:{Id(110)}"),
            O(91, OutcomeKind.Recommendation, 2, "设立加装电梯专项补贴资金。", FinanceId, $"question:{Id(111)}"),
            O(95, OutcomeKind.NextStep, 1, "市政协将于三个月后开展“回头看”。"));
        await db.SaveChangesAsync();
    }
}
