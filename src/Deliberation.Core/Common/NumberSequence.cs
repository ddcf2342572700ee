using Deliberation.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Deliberation.Core.Common;

/// <summary>
/// A per-body, per-year counter for human numbers (议题 2026-007, 社情民意 2026-0012). Not filtered: it is reached only
/// through <see cref="NumberSequences.NextAsync"/>, whose organisation id comes from a row the caller already holds.
/// </summary>
public class NumberSequence
{
    /// <summary>The body.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>What it numbers, e.g. <c>topic</c>, <c>report</c>.</summary>
    public required string Name { get; set; }
    /// <summary>The year the numbers restart in.</summary>
    public int Year { get; set; }
    /// <summary>The last number given.</summary>
    public int Value { get; set; }
}

/// <summary>Draws numbers atomically: one upsert, so two concurrent submissions never share a number.</summary>
public static class NumberSequences
{
    /// <summary>The next number of <paramref name="name"/> in <paramref name="year"/> for the body (1, 2, …).</summary>
    public static async Task<int> NextAsync(HubDbContext db, Guid organizationId, string name, int year, CancellationToken ct = default)
    {
        var rows = await db.Database.SqlQuery<int>($"""
            INSERT INTO "NumberSequences" ("OrganizationId", "Name", "Year", "Value") VALUES ({organizationId}, {name}, {year}, 1)
            ON CONFLICT ("OrganizationId", "Name", "Year") DO UPDATE SET "Value" = "NumberSequences"."Value" + 1
            RETURNING "Value" AS "Value"
            """).ToListAsync(ct);
        return rows[0];
    }
}
