using Deliberation.Core.Accounts;
using Deliberation.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Tests.FollowUp;

[Collection(FollowUpCollection.Name)]
public class FollowUpMailTests(FollowUpFactory hub)
{
    private readonly FollowUpScenario _s = new(hub);

    [Fact]
    public async Task FollowUp_Assignment_IsEmailedToTheDepartment_OverSmtp()
    {
        const string department = "市教育局";
        var address = $"edu{Guid.NewGuid():N}"[..10] + "@example.org";
        await using (var scope = hub.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope("test arrange/assert"))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                UserName = address.Split('@')[0], DisplayName = "市教育局 张老师", Email = address, EmailConfirmed = true,
                DepartmentId = await _s.DepartmentAsync(department),
            };
            Assert.True((await users.CreateAsync(user, "Edu#2026dept")).Succeeded);
            await users.AddToRoleAsync(user, Roles.Department);
        }
        var title = FollowUpScenario.Unique("课后服务");
        var id = await _s.AssignedAsync(title, department);

        var mail = await hub.Smtp.WaitForAsync(m => m.To.Contains(address));
        var message = mail.Parse();
        Assert.Equal("hub@example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("协商议事厅", message.From.Mailboxes.Single().Name);
        Assert.Contains("【协商议事厅】", message.Subject);
        Assert.Contains(title, message.Subject);
        Assert.Contains("市教育局 张老师，您好", message.TextBody);
        Assert.Contains("已交办给您单位", message.TextBody);
        Assert.Contains($"http://hub.example.org/Workspace/Department/{id}", message.TextBody);

        var emailed = await hub.WithDbAsync(db => db.Notifications.Where(n => n.ItemId == id && n.Kind == "followup.assigned")
            .Join(db.Users.Where(u => u.Email == address), n => n.UserId, u => u.Id, (n, u) => n.EmailedAt).SingleAsync());
        for (var i = 0; i < 50 && emailed is null; i++)
        {
            await Task.Delay(100);
            emailed = await hub.WithDbAsync(db => db.Notifications.Where(n => n.ItemId == id && n.Kind == "followup.assigned")
                .Join(db.Users.Where(u => u.Email == address), n => n.UserId, u => u.Id, (n, u) => n.EmailedAt).SingleAsync());
        }
        Assert.NotNull(emailed);
        Assert.Single(hub.Smtp.Received, m => m.To.Contains(address));
    }

    [Fact]
    public async Task FollowUp_UsersWithoutAnAddress_GetNoEmail_ButStillTheInAppNotification()
    {
        var before = hub.Smtp.Received.Count;
        var id = await _s.AssignedAsync(FollowUpScenario.Unique("无邮箱"), FollowUpScenario.Housing);
        var notes = await hub.WithDbAsync(db => db.Notifications.CountAsync(n => n.ItemId == id && n.Kind == "followup.assigned"));
        Assert.True(notes > 0);
        await Task.Delay(1500);
        Assert.DoesNotContain(hub.Smtp.Received.Skip(before), m => (m.Parse().TextBody ?? "").Contains(id.ToString()));
    }
}
