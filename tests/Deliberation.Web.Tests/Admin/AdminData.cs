using System.Net;
using AngleSharp.Html.Dom;
using Deliberation.Core.Auditing;
using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Tests.Admin;

/// <summary>Makes the data an admin test needs, each time with fresh names, straight through the database.</summary>
public static class AdminData
{
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    /// <summary>The demo body that the demo staff account works for.</summary>
    public static Task<Guid> DemoOrgAsync(this HubFactory hub) =>
        hub.WithDbAsync(db => db.Users.Where(u => u.UserName == Demo.Staff.User).Select(u => u.OrganizationId!.Value).SingleAsync());

    public static async Task<Sector> NewSectorAsync(this HubFactory hub, Guid? orgId = null)
    {
        var org = orgId ?? await hub.DemoOrgAsync();
        var sector = new Sector { OrganizationId = org, Name = Unique("界别"), SortOrder = 999 };
        await hub.WithDbAsync(async db => { db.Sectors.Add(sector); return await db.SaveChangesAsync(); });
        return sector;
    }

    public static async Task<Member> NewMemberAsync(this HubFactory hub, Guid sectorId, Guid? committeeId = null, Guid? orgId = null)
    {
        var org = orgId ?? await hub.DemoOrgAsync();
        var member = new Member { OrganizationId = org, FullName = Unique("委员"), SectorId = sectorId, CommitteeId = committeeId };
        await hub.WithDbAsync(async db => { db.Members.Add(member); return await db.SaveChangesAsync(); });
        return member;
    }

    /// <summary>A session of the demo body, moved along the life cycle up to <paramref name="status"/>.</summary>
    public static async Task<Guid> NewSessionAsync(this HubFactory hub, ConsultationStatus status = ConsultationStatus.Draft, Guid? orgId = null)
    {
        var org = orgId ?? await hub.DemoOrgAsync();
        await using var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert");
        var commands = scope.ServiceProvider.GetRequiredService<ConsultationCommands>();
        var start = DateTimeOffset.UtcNow.AddDays(3);
        var draft = new ConsultationDraft(Unique("协商"), null, ConsultationType.Online, ConsultationMode.Online, start, start.AddHours(2), null, null, PublicAccess.Watch);
        var c = await commands.CreateAsync(org, draft, Actor.System);
        ConsultationStatus[] path = [ConsultationStatus.Scheduled, ConsultationStatus.Live, ConsultationStatus.Ended, ConsultationStatus.Archived];
        foreach (var step in path.Take(status == ConsultationStatus.Draft ? 0 : Array.IndexOf(path, status) + 1))
        {
            await commands.ChangeStatusAsync(c.Id, step, Actor.System);
        }
        return c.Id;
    }

    public static async Task<Participant> NewParticipantAsync(this HubFactory hub, Guid sessionId, ParticipantTier tier = ParticipantTier.Invited, Guid? memberId = null, Guid? departmentId = null)
    {
        var p = new Participant { ConsultationId = sessionId, DisplayName = Unique("来宾"), Tier = tier, MemberId = memberId, DepartmentId = departmentId };
        await hub.WithDbAsync(async db => { db.Participants.Add(p); return await db.SaveChangesAsync(); });
        return p;
    }

    /// <summary>A second body, to prove that pages never show or change another body's records.</summary>
    public static async Task<Guid> NewOtherOrgAsync(this HubFactory hub)
    {
        var org = new Organization { Name = Unique("他市政协"), Level = OrganizationLevel.City };
        await hub.WithDbAsync(async db => { db.Organizations.Add(org); return await db.SaveChangesAsync(); });
        return org.Id;
    }

    public static async Task<HttpClient> StaffAsync(this HubFactory hub)
    {
        var client = hub.Browser();
        await client.SignInAsync(Demo.Staff);
        return client;
    }

    /// <summary>Follows the redirect after a post and returns the page it lands on.</summary>
    public static async Task<IHtmlDocument> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    public static string Token(this IHtmlDocument page) =>
        ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;

    public static string InputValue(this IHtmlDocument page, string selector) => ((IHtmlInputElement)page.QuerySelector(selector)!).Value;

    public static string ProblemText(this IHtmlDocument page) => page.QuerySelector(".flash.problem")?.TextContent ?? "";

    public static string FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
}
