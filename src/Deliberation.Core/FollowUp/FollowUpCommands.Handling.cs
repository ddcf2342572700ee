using Deliberation.Core.Auditing;
using Deliberation.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.FollowUp;

public sealed partial class FollowUpCommands
{
    /// <summary>签收 by the lead department (<paramref name="departmentId"/> must be the lead, else not found).</summary>
    public async Task AcceptAsync(Guid id, Guid departmentId, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct, departmentId);
        item.Accept(actor, clock.GetUtcNow());
        await SaveAsync(item, actor, [], ct);
    }

    /// <summary>退回 by the lead department with a reason; staff are notified to reassign.</summary>
    public async Task ReturnAsync(Guid id, Guid departmentId, string reason, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct, departmentId);
        var now = clock.GetUtcNow();
        item.Return(reason, actor, now);
        var notes = await notices.AddAsync(NotificationAudience.Staff, item, null, "followup.returned", now, actor.UserId, ct,
            await DepartmentNameAsync(departmentId, ct));
        await SaveAsync(item, actor, notes, ct);
    }

    /// <summary>A progress note from the lead department.</summary>
    public async Task ReportProgressAsync(Guid id, Guid departmentId, int percent, string note, bool isPublic, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct, departmentId);
        item.ReportProgress(percent, note, isPublic, actor, clock.GetUtcNow());
        await SaveAsync(item, actor, [], ct);
    }

    /// <summary>答复 by the lead department; the proposers are asked to rate it.</summary>
    public async Task<FollowUpReply> ReplyAsync(Guid id, Guid departmentId, ReplyDraft draft, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct, departmentId);
        var now = clock.GetUtcNow();
        var reply = item.Reply(draft, actor, now);
        var notes = await notices.AddAsync(NotificationAudience.Proposer, item, item.Proposers.Select(p => p.MemberId), "followup.replied", now,
            actor.UserId, ct, await DepartmentNameAsync(departmentId, ct));
        await SaveAsync(item, actor, notes, ct);
        return reply;
    }

    /// <summary>满意度测评 by a proposer (<paramref name="memberId"/> must be one, else not found).</summary>
    public async Task RateAsync(Guid id, Guid memberId, RatingDraft draft, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct, memberId: memberId);
        var now = clock.GetUtcNow();
        var before = item.Status;
        item.Rate(memberId, draft, policy, actor, now);
        var verdict = FollowUpNotices.Localized($"Satisfaction.{draft.Overall}");
        var lead = item.LeadDepartmentId is { } d ? [d] : Array.Empty<Guid>();
        var notes = await notices.AddAsync(NotificationAudience.Department, item, lead, "followup.rated", now, actor.UserId, ct, actor.Name, verdict);
        notes.AddRange(await notices.AddAsync(NotificationAudience.Staff, item, null, "followup.rated", now, actor.UserId, ct, actor.Name, verdict));
        if (item.Status != before)
        {
            notes.AddRange(await OutcomeNoticesAsync(item, actor, now, ct));
        }
        await SaveAsync(item, actor, notes, ct);
    }

    /// <summary>办结 by staff, with the reason.</summary>
    public async Task CloseAsync(Guid id, string reason, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct);
        var now = clock.GetUtcNow();
        item.Close(reason, policy, actor, now);
        await SaveAsync(item, actor, await OutcomeNoticesAsync(item, actor, now, ct), ct);
    }

    /// <summary>回头看 by staff: confirm the result or reopen handling.</summary>
    public async Task LookBackAsync(Guid id, bool reopen, string note, Actor actor, CancellationToken ct = default)
    {
        var item = await LoadAsync(id, ct);
        var now = clock.GetUtcNow();
        item.LookBack(reopen, note, policy, actor, now);
        await SaveAsync(item, actor, reopen ? await OutcomeNoticesAsync(item, actor, now, ct) : [], ct);
    }

    /// <summary>Who hears that a round ended: 再办理 → the department; escalation → leaders and staff; 办结 → department and proposers.</summary>
    private async Task<List<Notification>> OutcomeNoticesAsync(OutcomeItem item, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var lead = item.LeadDepartmentId is { } d ? [d] : Array.Empty<Guid>();
        var proposers = item.Proposers.Select(p => p.MemberId).ToList();
        switch (item.Status)
        {
            case FollowUpStatus.InProgress:
                return await notices.AddAsync(NotificationAudience.Department, item, lead, "followup.reopened", now, actor.UserId, ct,
                    FollowUpNotices.Date(item.DueAt!.Value));
            case FollowUpStatus.Escalated:
                var notes = await notices.AddAsync(NotificationAudience.Leader, item, null, "followup.escalated", now, actor.UserId, ct);
                notes.AddRange(await notices.AddAsync(NotificationAudience.Staff, item, null, "followup.escalated", now, actor.UserId, ct));
                return notes;
            case FollowUpStatus.Closed:
                var closed = await notices.AddAsync(NotificationAudience.Department, item, lead, "followup.closed", now, actor.UserId, ct);
                closed.AddRange(await notices.AddAsync(NotificationAudience.Proposer, item, proposers, "followup.closed", now, actor.UserId, ct));
                return closed;
            default:
                return [];
        }
    }

    private async Task<string> DepartmentNameAsync(Guid id, CancellationToken ct) =>
        await db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleAsync(ct);
}
