using Deliberation.Core.Persistence;
using Deliberation.Web.Features.FollowUp;
using Deliberation.Web.Features.FollowUp.Statistics;
using Deliberation.Web.Infrastructure;
using Deliberation.Web.Infrastructure.Exports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Pages.Admin.FollowUp;

/// <summary>The staff dashboard: rates, charts, overdue list, and the same figures as CSV or XLSX.</summary>
public sealed class StatsModel(HubDbContext db, TimeProvider clock, Display d, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromQuery] public int? Year { get; set; }
    public FollowUpStatistics Stats { get; private set; } = null!;
    public List<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Stats = await FollowUpStatistics.ComputeAsync(db, Year, clock.GetUtcNow(), l["FollowUp.NoSession"], ct);
        Years = (await db.OutcomeItems.Select(i => i.CreatedAt).ToListAsync(ct)).Select(c => d.Local(c).Year).Distinct().OrderDescending().ToList();
    }

    public async Task<IActionResult> OnGetExportAsync(string format, CancellationToken ct)
    {
        Stats = await FollowUpStatistics.ComputeAsync(db, Year, clock.GetUtcNow(), l["FollowUp.NoSession"], ct);
        var tables = new StatsTables(l, d).Build(Stats);
        var name = $"followup-{Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"}";
        var stream = new MemoryStream();
        if (format == "xlsx")
        {
            XlsxExport.Write(tables, stream, l["Export.Dictionary"]);
            stream.Position = 0;
            return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        await CsvExport.WriteAsync(tables[0], stream, ct);
        stream.Position = 0;
        return File(stream, "text/csv; charset=utf-8", name + ".csv");
    }
}
