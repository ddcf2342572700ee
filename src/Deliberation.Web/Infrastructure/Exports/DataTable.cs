namespace Deliberation.Web.Infrastructure.Exports;

/// <summary>One column of an export, with the meaning that goes into the field dictionary (字段说明).</summary>
public sealed record DataColumn(string Name, string Description);

/// <summary>A table to export as CSV or XLSX. Cells are strings, numbers, dates or null.</summary>
public sealed record DataTable(string Title, IReadOnlyList<DataColumn> Columns, IEnumerable<IReadOnlyList<object?>> Rows);
