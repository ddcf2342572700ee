using Deliberation.Core.Persistence;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Deliberation.Web.Pages.Sessions;

public sealed class ConsoleModel(HubDbContext db, AnonymousVisitors visitors, ClientStrings strings) : LivePageModel(db, visitors, strings)
{
    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, moderatorOnly: true, ct);
}

public sealed class ScreenModel(HubDbContext db, AnonymousVisitors visitors, ClientStrings strings) : LivePageModel(db, visitors, strings)
{
    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, moderatorOnly: true, ct);
}
