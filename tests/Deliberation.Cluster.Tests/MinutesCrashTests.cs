using System.Net;
using System.Text.RegularExpressions;
using Deliberation.Cluster.Tests.Infrastructure;
using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Cluster.Tests;

/// <summary>
/// Guarantee 5: a hub process killed between committing a session's end and queueing its minutes compile loses
/// nothing — started again, it finds the committed request and the minutes compile to completion.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class MinutesCrashTests(ClusterFixture cluster) : IAsyncLifetime
{
    public Task InitializeAsync() => cluster.EnsureUpAsync();

    public Task DisposeAsync() => cluster.EnsureUpAsync();

    [Fact]
    public async Task EndingASession_KilledBetweenCommitAndEnqueue_TheMinutesCompileAfterTheRestart()
    {
        // Only node A runs, and it dies on purpose right after the end of a session commits.
        cluster.B.Kill();
        cluster.A.Kill();
        await cluster.A.StartAsync(new Dictionary<string, string> { ["Minutes__KillAfterEndCommitted"] = "true" });
        var session = await CreateLiveSessionAsync();

        using (var staff = Client(cluster.A))
        {
            await SignInAsync(staff);
            var url = $"/Admin/Sessions/Edit/{session}";
            var token = Token(await staff.GetStringAsync(url));
            try
            {
                await staff.PostAsync(url + "?handler=Status", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["next"] = nameof(ConsultationStatus.Ended), ["__RequestVerificationToken"] = token,
                }));
            }
            catch (HttpRequestException)
            {
                // The process died under the request: the expected answer is none.
            }
        }
        var until = DateTime.UtcNow.AddSeconds(30);
        while (cluster.A.Running)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"node A did not die:\n{cluster.A.Log}");
            await Task.Delay(50);
        }

        await using (var db = cluster.Db())
        {
            Assert.Equal(ConsultationStatus.Ended, await db.Consultations.Where(c => c.Id == session).Select(c => c.Status).SingleAsync());
            var request = await db.MinutesWork.AsNoTracking().SingleAsync(w => w.ConsultationId == session);
            Assert.Equal(MinutesWorkKind.Compile, request.Kind);
            Assert.Null(request.EnqueuedAt); // committed, never queued
            Assert.False(await db.MinutesDocuments.AnyAsync(m => m.ConsultationId == session && m.CompileState == CompileState.Succeeded));
        }

        await cluster.A.StartAsync();

        MinutesDocument? minutes = null;
        until = DateTime.UtcNow.AddSeconds(90);
        while (minutes?.CompileState != CompileState.Succeeded)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"minutes not compiled after the restart ({minutes?.CompileState}):\n{cluster.A.Log}");
            await Task.Delay(200);
            await using var db = cluster.Db();
            minutes = await db.MinutesDocuments.AsNoTracking().SingleOrDefaultAsync(m => m.ConsultationId == session);
        }
        Assert.Equal(1, minutes.CurrentVersionNo);
        await using (var db = cluster.Db())
        {
            var request = await db.MinutesWork.AsNoTracking().SingleAsync(w => w.ConsultationId == session);
            Assert.NotNull(request.EnqueuedAt);
            Assert.Equal(request.JobId, request.RunBy);
            Assert.Equal(1, await db.MinutesVersions.CountAsync(v => v.MinutesId == minutes.Id));
        }
    }

    private async Task<Guid> CreateLiveSessionAsync()
    {
        await using var db = cluster.Db();
        var org = await db.Users.Where(u => u.UserName == "staff").Select(u => u.OrganizationId!.Value).SingleAsync();
        var taken = (await db.Consultations.Select(c => c.RoomCode).ToListAsync()).ToHashSet();
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var c = new Consultation
        {
            OrganizationId = org, Title = $"断电测试 {Guid.NewGuid():N}"[..14], Type = ConsultationType.OnlineHall, Mode = ConsultationMode.Online,
            StartsAt = start, EndsAt = start.AddHours(1), RoomCode = RoomCodes.Allocate(taken),
        };
        c.MoveTo(ConsultationStatus.Scheduled, start);
        c.MoveTo(ConsultationStatus.Live, start);
        db.Consultations.Add(c);
        await db.SaveChangesAsync();
        return c.Id;
    }

    private static HttpClient Client(ProcessNode node) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(node.Url), Timeout = TimeSpan.FromSeconds(30) };

    private static async Task SignInAsync(HttpClient client)
    {
        var token = Token(await client.GetStringAsync("/Account/SignIn"));
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "staff", ["Input.Password"] = "Staff#2026hub", ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static string Token(string page) => TokenPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
