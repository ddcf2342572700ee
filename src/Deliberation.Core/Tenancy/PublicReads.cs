using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Minutes;
using Deliberation.Core.Organizations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Tenancy;

/// <summary>
/// The only reads that cross the organisation filter (the one place <c>IgnoreQueryFilters</c> is allowed; a test
/// fails on any other use). Each pairs the bypass with a public predicate: what any visitor may see of any
/// organisation — published sessions, published minutes, the public progress board, open questionnaires — plus
/// the room admission lookup, whose result <see cref="RoomAccess"/> then decides on.
/// After a public read found one item, a request that must read that item's own children calls
/// <see cref="OrgScope.ActFor"/> with the item's organisation.
/// </summary>
public static class PublicReads
{
    /// <summary>Sessions past draft: the home page, the session page, joining by code and the published-minutes page.</summary>
    public static IQueryable<Consultation> PublishedSessions(this HubDbContext db) =>
        db.Consultations.IgnoreQueryFilters().Where(c => c.Status != ConsultationStatus.Draft);

    /// <summary>
    /// Every room not archived, for <see cref="RoomAccess"/> only: it decides who enters (another body's member may
    /// watch a public room, a registered participant keeps its tier, a draft is for its own body's moderators).
    /// </summary>
    public static IQueryable<Consultation> RoomsForAdmission(this HubDbContext db) =>
        db.Consultations.IgnoreQueryFilters().Where(c => c.Status != ConsultationStatus.Archived);

    /// <summary>Published minutes.</summary>
    public static IQueryable<MinutesDocument> PublishedMinutes(this HubDbContext db) =>
        db.MinutesDocuments.IgnoreQueryFilters().Where(m => m.Status == MinutesStatus.Published && m.PublishedVersionNo != null);

    /// <summary>The published version of published minutes (its public text is cut from it by the caller).</summary>
    public static IQueryable<MinutesVersion> PublishedVersions(this HubDbContext db) =>
        db.MinutesVersions.IgnoreQueryFilters()
            .Where(v => db.PublishedMinutes().Any(m => m.Id == v.MinutesId && m.PublishedVersionNo == v.No));

    /// <summary>Outcome items on the public progress board (晒进度).</summary>
    public static IQueryable<OutcomeItem> PublicBoardItems(this HubDbContext db) =>
        db.OutcomeItems.IgnoreQueryFilters().OnPublicBoard();

    /// <summary>Departments that lead or co-handle an item on the public board (their names appear there).</summary>
    public static IQueryable<Department> DepartmentsOnPublicBoard(this HubDbContext db) =>
        db.Departments.IgnoreQueryFilters().Where(d => db.PublicBoardItems()
            .Any(i => i.LeadDepartmentId == d.Id || i.CoHandlers.Any(c => c.DepartmentId == d.Id)));

    /// <summary>Attachments of the replies of items on the public board.</summary>
    public static IQueryable<FollowUpAttachment> PublicBoardAttachments(this HubDbContext db) =>
        db.FollowUpAttachments.IgnoreQueryFilters().Where(a => db.FollowUpReplies.IgnoreQueryFilters()
            .Any(r => r.Id == a.ReplyId && db.PublicBoardItems().Any(i => i.Id == r.ItemId)));

    /// <summary>
    /// Session streams by their public publish name, for the streaming server's callbacks only (guarded by the callback
    /// token): the callback names a stream, not a body; the stream key then decides, and the request acts for the stream's body.
    /// </summary>
    public static IQueryable<Streaming.SessionStream> StreamsForPublishCallbacks(this HubDbContext db) =>
        db.SessionStreams.IgnoreQueryFilters();

    /// <summary>Questionnaires past draft, for the fill-in page (网络问卷 by link).</summary>
    public static IQueryable<Questionnaire> PublishedQuestionnaires(this HubDbContext db) =>
        db.Questionnaires.IgnoreQueryFilters().Where(q => q.Status != BallotStatus.Draft);

    // Before the session (issue 13). Each public page finds its item here, then acts for the item's body.

    /// <summary>Published topic solicitation campaigns (议题征集): their public page and form.</summary>
    public static IQueryable<Topics.TopicCampaign> PublishedCampaigns(this HubDbContext db) =>
        db.TopicCampaigns.IgnoreQueryFilters().Where(c => c.PublishedAt != null);

    /// <summary>Topics the public pages show and take endorsements (附议) and comments on.</summary>
    public static IQueryable<Topics.Topic> ListedTopics(this HubDbContext db) =>
        db.Topics.IgnoreQueryFilters().Where(t => t.Listed && db.PublishedCampaigns().Any(c => c.Id == t.CampaignId));

    /// <summary>A submitter by the private tracking code only they hold (following a topic without an account).</summary>
    public static IQueryable<Topics.TopicSubmitter> SubmittersByTrackingCode(this HubDbContext db, string code) =>
        db.TopicSubmitters.IgnoreQueryFilters().Where(s => s.TrackingCode == code);

    /// <summary>Selection notices (公示) whose period has started: public from their start, marked ended after their end.</summary>
    public static IQueryable<Topics.TopicNotice> StartedNotices(this HubDbContext db, DateTimeOffset now) =>
        db.TopicNotices.IgnoreQueryFilters().Where(n => n.StartsAt <= now);

    /// <summary>Published annual consultation plans (年度协商计划).</summary>
    public static IQueryable<Planning.ConsultationPlan> PublishedPlans(this HubDbContext db) =>
        db.ConsultationPlans.IgnoreQueryFilters().Where(p => p.Status == Planning.PlanStatus.Published);

    /// <summary>A 社情民意 report by the private tracking code only its submitter holds.</summary>
    public static IQueryable<Intake.OpinionReport> ReportsByTrackingCode(this HubDbContext db, string code) =>
        db.OpinionReports.IgnoreQueryFilters().Where(r => r.TrackingCode == code);
}
