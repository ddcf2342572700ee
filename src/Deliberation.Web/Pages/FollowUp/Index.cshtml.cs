using Deliberation.Core.FollowUp;
using Deliberation.Web.Features.FollowUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Deliberation.Web.Pages.FollowUp;

/// <summary>晒进度: the public progress board of outcome items.</summary>
public sealed class IndexModel(FollowUpBoard board) : PageModel
{
    [FromQuery] public Guid? Session { get; set; }
    [FromQuery] public Guid? Department { get; set; }
    [FromQuery] public string? Status { get; set; }
    [FromQuery] public int? Year { get; set; }

    public List<ItemRow> Rows { get; private set; } = [];
    public List<(Guid Id, string Name)> Sessions { get; private set; } = [];
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public List<int> Years { get; private set; } = [];

    public static readonly FollowUpStatus[] Statuses = Enum.GetValues<FollowUpStatus>().Where(s => s != FollowUpStatus.Pending).ToArray();

    public bool Filtered => Session is not null || Department is not null || !string.IsNullOrEmpty(Status) || Year is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await board.PublicAsync(new BoardFilter(Session, Department, Status, Year), ct);
        (Sessions, Departments, Years) = await board.FacetsAsync(ct);
    }
}
