using Deliberation.Realtime;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.Consultations;
using Deliberation.Web.Features.Rooms;
using Deliberation.Web.Features.Reference;
using Deliberation.Web.Features.Minutes;
using Deliberation.Web.Features.FollowUp;
using Deliberation.Web.Features.Streaming;
using Deliberation.Web.Features.Replay;
using Deliberation.Web.Infrastructure;
using Deliberation.Web.Infrastructure.DataProtection;
using Deliberation.Web.Infrastructure.Jobs;

var builder = WebApplication.CreateBuilder(args);

builder.AddHubLogging();
builder.Services.AddHubDatabase(builder.Configuration);
builder.Services.AddHubDataProtection();
builder.Services.AddHubLocalization();
builder.Services.AddHubAccounts();
builder.Services.AddHubTenancy();
builder.Services.AddHubWeb();
builder.Services.AddHubJobs(builder.Configuration);
builder.Services.AddRealtime(builder.Configuration);
builder.Services.AddConsultations();
builder.Services.AddRooms();
builder.Services.AddReference();
builder.Services.AddMinutes();
builder.Services.AddFollowUp(builder.Configuration);
builder.Services.AddStreaming(builder.Configuration);
builder.Services.AddReplay();

var app = builder.Build();

if (!await app.PrepareDatabaseAsync())
{
    return 1;
}

app.UseHubPipeline();
app.UseHubTenancy();
app.MapHubHealth();
app.MapAccounts();
app.MapHubJobs();
app.MapConsultations();
app.MapRooms();
app.MapMinutes();
app.MapFollowUp();
app.MapStreaming();
app.MapReplay();
app.MapRazorPages();

await app.RunAsync();
return 0;

/// <summary>Entry point, public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
