using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Deliberation.Core.Tenancy;

namespace Deliberation.Web.Pages.Sessions;

/// <summary>一码通: a six-digit code leads straight into the room (watching needs no name; one is asked on first taking part).</summary>
public sealed class JoinModel(HubDbContext db) : PageModel
{
    public string? Code { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Code = code is null ? null : string.Concat(code.Where(c => !char.IsWhiteSpace(c) && c != '-'));
        if (string.IsNullOrEmpty(Code)) return Page();
        if (!RoomCodes.IsWellFormed(Code))
        {
            Error = "Join.BadCode";
            return Page();
        }
        var id = await db.PublishedSessions()
            .Where(c => c.RoomCode == Code && c.Status != ConsultationStatus.Archived)
            .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            Error = "Join.UnknownCode";
            return Page();
        }
        return Redirect($"/s/{id}/room");
    }
}
