using System.ComponentModel.DataAnnotations;
using Deliberation.Core.Consultations;
using Deliberation.Core.Persistence;
using Deliberation.Core.Streaming;
using Deliberation.Web.Features.Accounts;
using Deliberation.Web.Features.Streaming;
using Deliberation.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Pages.Admin.Sessions;

/// <summary>
/// 直播 of one session: where the video comes from (the local streaming server, or an external HLS URL with a backup),
/// who may watch, the 远程协商 conference link, and for the local server the push details staff paste into OBS —
/// server URL and stream key (rotatable), its expiry and the broadcast's state. Opening the page issues the key.
/// </summary>
public sealed class StreamModel(HubDbContext db, StreamCommands commands, Display display, IOptions<StreamingOptions> options,
    IStringLocalizer<SharedResource> l) : AdminPageModel(l)
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public StreamSource Source { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        public string? ExternalUrl { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        public string? BackupUrl { get; set; }

        public StreamAccess Access { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        public string? ConferenceUrl { get; set; }
    }

    public SessionHead Session { get; private set; } = null!;
    public SessionStream Stream { get; private set; } = null!;
    public string RoomCode { get; private set; } = "";

    /// <summary>The RTMP server URL for OBS: configured, else this host's name on the default RTMP port.</summary>
    public string RtmpUrl => string.IsNullOrEmpty(options.Value.RtmpPublicUrl) ? $"rtmp://{Request.Host.Host}/live" : options.Value.RtmpPublicUrl;

    private string Here => $"/Admin/Sessions/Stream/{Id}";

    public IEnumerable<SelectListItem> Options<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(display.Enum(v), v.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = new InputModel
        {
            Source = Stream.Source, ExternalUrl = Stream.ExternalUrl, BackupUrl = Stream.BackupUrl, Access = Stream.Access, ConferenceUrl = Stream.ConferenceUrl,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        // An external URL on an origin the pages' security policy does not admit would be blocked in every browser.
        var allowed = options.Value.PlayerOrigins().Append(StreamingOptions.OriginOf($"{Request.Scheme}://{Request.Host}")).ToList();
        foreach (var (field, url) in new[] { (nameof(InputModel.ExternalUrl), Input.ExternalUrl), (nameof(InputModel.BackupUrl), Input.BackupUrl) })
        {
            if (StreamingOptions.OriginOf(url) is string origin && !allowed.Contains(origin))
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", Strings["Stream.OriginNotAllowed", origin]);
            }
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await commands.UpdateSettingsAsync(Id, new StreamSettingsDraft(Input.Source, Input.ExternalUrl, Input.BackupUrl, Input.Access, Input.ConferenceUrl),
                User.ToActor(), ct);
            Flash("Admin.Saved");
            return Redirect(Here);
        }
        catch (ValidationFailedException ex)
        {
            AddErrors(ex, nameof(Input));
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        await commands.RotateKeyAsync(Id, User.ToActor(), ct);
        Flash("Stream.KeyRotated");
        return Redirect(Here);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var head = await db.Consultations.AsNoTracking().Where(c => c.Id == Id && c.OrganizationId == OrgId)
            .Select(c => new { Head = new SessionHead(c.Id, c.Title, c.Status, c.StartsAt, c.EndsAt), c.RoomCode }).SingleOrDefaultAsync(ct);
        if (head is null) return false;
        Session = head.Head;
        RoomCode = head.RoomCode;
        Stream = await commands.EnsureAsync(Id, User.ToActor(), ct);
        return true;
    }
}
