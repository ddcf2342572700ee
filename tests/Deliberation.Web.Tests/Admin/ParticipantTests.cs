using System.Net;
using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Web.Tests.Admin;

[Collection(HubCollection.Name)]
public class ParticipantTests(HubFactory hub)
{
    private static string Url(Guid session) => $"/Admin/Sessions/Participants/{session}";

    private Task<HttpResponseMessage> PostAsync(HttpClient client, Guid session, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync(Url(session), fields, $"{Url(session)}?handler={handler}");

    private Task<Participant> ReloadAsync(Guid id) => hub.WithDbAsync(db => db.Participants.SingleAsync(p => p.Id == id));

    [Fact]
    public async Task StaffChecksInAParticipantByHand_RecordsTheTime()
    {
        var session = await hub.NewSessionAsync(ConsultationStatus.Scheduled);
        var guest = await hub.NewParticipantAsync(session);
        var client = await hub.StaffAsync();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await PostAsync(client, session, "CheckIn", new() { ["participant"] = guest.Id.ToString() });

        Assert.EndsWith($"#p-{guest.Id}", response.Headers.Location!.OriginalString);
        var checkedIn = (await ReloadAsync(guest.Id)).CheckedInAt;
        Assert.NotNull(checkedIn);
        Assert.InRange(checkedIn.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        var page = await client.GetPageAsync(Url(session));
        Assert.Contains("已签到", page.GetElementById($"p-{guest.Id}")!.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-total=checked-in]")!.TextContent.Trim());
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == guest.Id.ToString() && a.Action == "participant.check_in")));
    }

    [Fact]
    public async Task UndoingACheckIn_ClearsTheTime_AndIsAudited()
    {
        var session = await hub.NewSessionAsync(ConsultationStatus.Live);
        var guest = await hub.NewParticipantAsync(session);
        var client = await hub.StaffAsync();
        await PostAsync(client, session, "CheckIn", new() { ["participant"] = guest.Id.ToString() });

        await PostAsync(client, session, "UndoCheckIn", new() { ["participant"] = guest.Id.ToString() });

        Assert.Null((await ReloadAsync(guest.Id)).CheckedInAt);
        var audit = await hub.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == guest.Id.ToString() && a.Action == "participant.undo_check_in"));
        Assert.Contains("CheckedInAt", audit.Before);
    }

    [Fact]
    public async Task AddingMembers_GivesThemVotingRights_AndSkipsThoseAlreadyIn()
    {
        var sector = await hub.NewSectorAsync();
        var already = await hub.NewMemberAsync(sector.Id);
        var fresh = await hub.NewMemberAsync(sector.Id);
        var session = await hub.NewSessionAsync();
        await hub.NewParticipantAsync(session, ParticipantTier.Member, memberId: already.Id);
        var client = await hub.StaffAsync();

        var picker = await client.GetPageAsync($"{Url(session)}?sector={sector.Id}");
        var offered = picker.QuerySelectorAll("input[name=memberIds]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([fresh.Id.ToString()], offered);

        var body = new List<KeyValuePair<string, string>>
        {
            new("memberIds", already.Id.ToString()), new("memberIds", fresh.Id.ToString()),
            new("__RequestVerificationToken", picker.Token()),
        };
        var response = await client.PostAsync($"{Url(session)}?handler=AddMembers&sector={sector.Id}", new FormUrlEncodedContent(body));

        var page = await client.FollowAsync(response);
        Assert.Contains("已添加1名委员", page.QuerySelector(".flash")!.TextContent);
        var members = await hub.WithDbAsync(db => db.Participants.Where(p => p.ConsultationId == session && p.Tier == ParticipantTier.Member).ToListAsync());
        Assert.Equal(2, members.Count);
        var added = members.Single(p => p.MemberId == fresh.Id);
        Assert.True(added.HasVotingRight);
        Assert.Equal(fresh.FullName, added.DisplayName);
        Assert.Equal(sector.Name, added.Affiliation);
    }

    [Fact]
    public async Task AddingADepartmentRepresentative_RecordsTheDepartmentAndTitle()
    {
        var org = await hub.DemoOrgAsync();
        var department = await hub.WithDbAsync(db => db.Departments.FirstAsync(d => d.OrganizationId == org));
        var session = await hub.NewSessionAsync();
        var client = await hub.StaffAsync();
        var name = AdminData.Unique("周");

        var response = await PostAsync(client, session, "AddDepartment", new()
        {
            ["Dept.DepartmentId"] = department.Id.ToString(), ["Dept.Name"] = name, ["Dept.Title"] = "副局长",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var p = await hub.WithDbAsync(db => db.Participants.SingleAsync(x => x.ConsultationId == session && x.DisplayName == name));
        Assert.Equal((ParticipantTier.Department, department.Id, $"{department.Name} 副局长", false), (p.Tier, p.DepartmentId, p.Affiliation, p.HasVotingRight));
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == p.Id.ToString() && a.Action == "participant.create")));
    }

    [Fact]
    public async Task AddingAGuestWithoutAName_ShowsTheFieldMessage_WithTheFormOpen()
    {
        var session = await hub.NewSessionAsync();
        var client = await hub.StaffAsync();

        var response = await PostAsync(client, session, "AddGuest", new()
        {
            ["Guest.Tier"] = nameof(ParticipantTier.Expert), ["Guest.Name"] = "", ["Guest.Affiliation"] = "滨江大学",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Forms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("此项为必填项", page.FieldError("Guest.Name"));
        Assert.True(page.GetElementById("add-guest")!.HasAttribute("open"));
        Assert.False(await hub.WithDbAsync(db => db.Participants.AnyAsync(p => p.ConsultationId == session)));
    }

    [Fact]
    public async Task AGuestCannotBeAddedAsAMember()
    {
        var session = await hub.NewSessionAsync();
        var client = await hub.StaffAsync();

        var response = await PostAsync(client, session, "AddGuest", new() { ["Guest.Tier"] = nameof(ParticipantTier.Member), ["Guest.Name"] = "冒充委员" });

        Assert.Contains("请从列表中选择", Forms.Parse(await response.Content.ReadAsStringAsync()).FieldError("Guest.Tier"));
        Assert.False(await hub.WithDbAsync(db => db.Participants.AnyAsync(p => p.ConsultationId == session)));
    }

    [Fact]
    public async Task Staff_AddsAnExpert_AndTogglesTheVotingRight()
    {
        var session = await hub.NewSessionAsync();
        var client = await hub.StaffAsync();
        var name = AdminData.Unique("黄");
        await PostAsync(client, session, "AddGuest", new() { ["Guest.Tier"] = nameof(ParticipantTier.Expert), ["Guest.Name"] = name, ["Guest.Affiliation"] = "滨江大学 教授" });
        var expert = await hub.WithDbAsync(db => db.Participants.SingleAsync(p => p.ConsultationId == session && p.DisplayName == name));
        Assert.Equal((ParticipantTier.Expert, false), (expert.Tier, expert.HasVotingRight));

        await PostAsync(client, session, "Voting", new() { ["participant"] = expert.Id.ToString(), ["on"] = "true" });

        Assert.True((await ReloadAsync(expert.Id)).HasVotingRight);
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == expert.Id.ToString() && a.Action == "participant.voting")));
    }

    [Fact]
    public async Task RemovingAParticipant_DeletesThemAndIsAudited()
    {
        var session = await hub.NewSessionAsync();
        var guest = await hub.NewParticipantAsync(session, ParticipantTier.Public);
        var client = await hub.StaffAsync();

        await PostAsync(client, session, "Remove", new() { ["participant"] = guest.Id.ToString() });

        Assert.False(await hub.WithDbAsync(db => db.Participants.AnyAsync(p => p.Id == guest.Id)));
        Assert.True(await hub.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == guest.Id.ToString() && a.Action == "participant.delete")));
    }

    [Fact]
    public async Task ParticipantsPage_ShowsCountsByTierAndCheckIns()
    {
        var session = await hub.NewSessionAsync(ConsultationStatus.Scheduled);
        var expert = await hub.NewParticipantAsync(session, ParticipantTier.Expert);
        await hub.NewParticipantAsync(session, ParticipantTier.Expert);
        await hub.NewParticipantAsync(session, ParticipantTier.Public);
        var client = await hub.StaffAsync();
        await PostAsync(client, session, "CheckIn", new() { ["participant"] = expert.Id.ToString() });

        var page = await client.GetPageAsync(Url(session));
        var expertRow = page.QuerySelectorAll(".tier-summary tbody tr").Single(r => r.TextContent.Contains("专家"));
        Assert.Equal(["专家", "2", "1", "0"], expertRow.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("3", page.QuerySelector("[data-total=count]")!.TextContent.Trim());
        Assert.Contains("2人，已签到1人", page.GetElementById("tier-Expert")!.TextContent);
    }

    [Fact]
    public async Task ParticipantsOfAnEndedSession_CannotBeCheckedIn()
    {
        var session = await hub.NewSessionAsync(ConsultationStatus.Live);
        var guest = await hub.NewParticipantAsync(session);
        var client = await hub.StaffAsync();
        var form = await client.GetPageAsync(Url(session));
        var token = form.Token();
        await hub.WithDbAsync(async db =>
        {
            var c = await db.Consultations.SingleAsync(x => x.Id == session);
            c.MoveTo(ConsultationStatus.Ended, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        var response = await client.PostAsync($"{Url(session)}?handler=CheckIn",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["participant"] = guest.Id.ToString(), ["__RequestVerificationToken"] = token }));

        var page = await client.FollowAsync(response);
        Assert.Contains("协商活动已结束，不能再修改", page.ProblemText());
        Assert.Null((await ReloadAsync(guest.Id)).CheckedInAt);
        Assert.Empty(page.QuerySelectorAll("button[name], form[action*=CheckIn]"));
    }

    [Fact]
    public async Task AnotherBodysSessionParticipants_AreNotFound()
    {
        var other = await hub.NewSessionAsync(orgId: await hub.NewOtherOrgAsync());
        var guest = await hub.NewParticipantAsync(other);
        var client = await hub.StaffAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(other))).StatusCode);
        var own = await hub.NewSessionAsync();
        // Posting another session's participant through one's own session finds nothing to change.
        await PostAsync(client, own, "CheckIn", new() { ["participant"] = guest.Id.ToString() });
        Assert.Null((await ReloadAsync(guest.Id)).CheckedInAt);
    }
}
