using Deliberation.Core.Accounts;
using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Notifications;
using Deliberation.Core.Organizations;
using Deliberation.Core.Rooms;
using Deliberation.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Persistence;

/// <summary>
/// The hub's one database: accounts, reference data, sessions and their record. Every organisation-owned row is
/// filtered by the context's <see cref="Tenancy"/> (see HubDbContext.Tenancy.cs).
/// </summary>
public partial class HubDbContext(DbContextOptions<HubDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    /// <summary>CPPCC bodies.</summary>
    public DbSet<Organization> Organizations => Set<Organization>();
    /// <summary>Sectors (界别).</summary>
    public DbSet<Sector> Sectors => Set<Sector>();
    /// <summary>Committees (专委会).</summary>
    public DbSet<Committee> Committees => Set<Committee>();
    /// <summary>Members (委员).</summary>
    public DbSet<Member> Members => Set<Member>();
    /// <summary>Departments (承办单位).</summary>
    public DbSet<Department> Departments => Set<Department>();
    /// <summary>Sessions.</summary>
    public DbSet<Consultation> Consultations => Set<Consultation>();
    /// <summary>Agenda items.</summary>
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    /// <summary>Participants.</summary>
    public DbSet<Participant> Participants => Set<Participant>();
    /// <summary>The audit trail.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// <summary>Rooms' public event streams.</summary>
    public DbSet<RoomEvent> RoomEvents => Set<RoomEvent>();
    /// <summary>Rooms' sequence counters.</summary>
    public DbSet<RoomStream> RoomStreams => Set<RoomStream>();
    /// <summary>Comments (留言).</summary>
    public DbSet<Comment> Comments => Set<Comment>();
    /// <summary>Reports of comments.</summary>
    public DbSet<CommentReport> CommentReports => Set<CommentReport>();
    /// <summary>Questions (提问).</summary>
    public DbSet<Question> Questions => Set<Question>();
    /// <summary>Question upvotes.</summary>
    public DbSet<QuestionVote> QuestionVotes => Set<QuestionVote>();
    /// <summary>Requests for the floor and speeches.</summary>
    public DbSet<Speech> Speeches => Set<Speech>();
    /// <summary>Polls (投票).</summary>
    public DbSet<Poll> Polls => Set<Poll>();
    /// <summary>Poll answers.</summary>
    public DbSet<PollAnswer> PollAnswers => Set<PollAnswer>();
    /// <summary>Formal votes (表决).</summary>
    public DbSet<FormalVote> FormalVotes => Set<FormalVote>();
    /// <summary>Who voted in formal votes.</summary>
    public DbSet<FormalVoteParticipation> FormalVoteParticipations => Set<FormalVoteParticipation>();
    /// <summary>Formal ballots.</summary>
    public DbSet<FormalBallot> FormalBallots => Set<FormalBallot>();
    /// <summary>Running counts of formal votes.</summary>
    public DbSet<FormalVoteTally> FormalVoteTallies => Set<FormalVoteTally>();
    /// <summary>Rooms' peak attendance.</summary>
    public DbSet<RoomPeak> RoomPeaks => Set<RoomPeak>();
    /// <summary>Sessions' 直播 settings, keys and state.</summary>
    public DbSet<Streaming.SessionStream> SessionStreams => Set<Streaming.SessionStream>();
    /// <summary>Recordings of sessions' broadcasts (回放).</summary>
    public DbSet<Streaming.StreamRecording> StreamRecordings => Set<Streaming.StreamRecording>();
    /// <summary>Questionnaires (问卷).</summary>
    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();
    /// <summary>Questionnaire responses.</summary>
    public DbSet<QuestionnaireResponse> QuestionnaireResponses => Set<QuestionnaireResponse>();
    /// <summary>Outcomes recorded in rooms (共识, 分歧, 建议, 下一步).</summary>
    public DbSet<RoomOutcome> RoomOutcomes => Set<RoomOutcome>();
    /// <summary>Participants blocked in a room.</summary>
    public DbSet<RoomBlock> RoomBlocks => Set<RoomBlock>();
    /// <summary>Minutes (协商纪要), one per session.</summary>
    public DbSet<MinutesDocument> MinutesDocuments => Set<MinutesDocument>();
    /// <summary>Every version of every minutes.</summary>
    public DbSet<MinutesVersion> MinutesVersions => Set<MinutesVersion>();
    /// <summary>Reviewers' comments on minutes.</summary>
    public DbSet<MinutesComment> MinutesComments => Set<MinutesComment>();
    /// <summary>Minutes templates, one per body.</summary>
    public DbSet<MinutesTemplate> MinutesTemplates => Set<MinutesTemplate>();
    /// <summary>Follow-on work of minutes (outbox): compiles and public renders asked for in a commit.</summary>
    public DbSet<MinutesWorkItem> MinutesWork => Set<MinutesWorkItem>();
    /// <summary>Public downloads of published minutes, rendered once at publish.</summary>
    public DbSet<MinutesPublicFile> MinutesPublicFiles => Set<MinutesPublicFile>();
    /// <summary>Outcome items (建议事项) followed up.</summary>
    public DbSet<OutcomeItem> OutcomeItems => Set<OutcomeItem>();
    /// <summary>Follow-up timeline entries.</summary>
    public DbSet<FollowUpEvent> FollowUpEvents => Set<FollowUpEvent>();
    /// <summary>Leaders' instructions (批示).</summary>
    public DbSet<LeaderInstruction> LeaderInstructions => Set<LeaderInstruction>();
    /// <summary>Formal replies (答复).</summary>
    public DbSet<FollowUpReply> FollowUpReplies => Set<FollowUpReply>();
    /// <summary>Reply attachments.</summary>
    public DbSet<FollowUpAttachment> FollowUpAttachments => Set<FollowUpAttachment>();
    /// <summary>Ratings (满意度测评).</summary>
    public DbSet<FollowUpRating> FollowUpRatings => Set<FollowUpRating>();
    /// <summary>In-app notifications.</summary>
    public DbSet<Notification> Notifications => Set<Notification>();
    /// <summary>Reminders already sent (idempotency keys of the supervision jobs).</summary>
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();
    /// <summary>Per-body yearly number counters.</summary>
    public DbSet<Common.NumberSequence> NumberSequences => Set<Common.NumberSequence>();
    /// <summary>Annual consultation plans (年度协商计划).</summary>
    public DbSet<Planning.ConsultationPlan> ConsultationPlans => Set<Planning.ConsultationPlan>();
    /// <summary>Items of annual plans.</summary>
    public DbSet<Planning.PlanItem> PlanItems => Set<Planning.PlanItem>();
    /// <summary>Topic solicitation campaigns (议题征集).</summary>
    public DbSet<Topics.TopicCampaign> TopicCampaigns => Set<Topics.TopicCampaign>();
    /// <summary>Proposed topics (议题).</summary>
    public DbSet<Topics.Topic> Topics => Set<Topics.Topic>();
    /// <summary>Submitters of topics.</summary>
    public DbSet<Topics.TopicSubmitter> TopicSubmitters => Set<Topics.TopicSubmitter>();
    /// <summary>Endorsements (附议).</summary>
    public DbSet<Topics.TopicEndorsement> TopicEndorsements => Set<Topics.TopicEndorsement>();
    /// <summary>Comments on topics.</summary>
    public DbSet<Topics.TopicComment> TopicComments => Set<Topics.TopicComment>();
    /// <summary>Topics' histories.</summary>
    public DbSet<Topics.TopicEvent> TopicEvents => Set<Topics.TopicEvent>();
    /// <summary>Selection notices (公示).</summary>
    public DbSet<Topics.TopicNotice> TopicNotices => Set<Topics.TopicNotice>();
    /// <summary>Sessions' research reports and materials.</summary>
    public DbSet<Preparation.SessionMaterial> SessionMaterials => Set<Preparation.SessionMaterial>();
    /// <summary>Sessions' seats per tier.</summary>
    public DbSet<Preparation.SessionQuota> SessionQuotas => Set<Preparation.SessionQuota>();
    /// <summary>社情民意 reports and 微建议.</summary>
    public DbSet<Intake.OpinionReport> OpinionReports => Set<Intake.OpinionReport>();
    /// <summary>Reports' histories.</summary>
    public DbSet<Intake.ReportEvent> ReportEvents => Set<Intake.ReportEvent>();
    /// <summary>Data-protection keys shared by every node.</summary>
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names so the database stays readable and reorder-safe.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
        ApplyTenancyFilters(builder);
    }
}
