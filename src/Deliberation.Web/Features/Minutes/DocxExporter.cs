using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MdCell = Markdig.Extensions.Tables.TableCell;
using MdRow = Markdig.Extensions.Tables.TableRow;
using MdTable = Markdig.Extensions.Tables.Table;
using WTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// Minutes as a Word document, built from the same parsed Markdown as the HTML (so it is just as inert: text
/// only, never markup). The title and the line after it are centred; source links are left out.
/// </summary>
public sealed class DocxExporter(MinutesRenderer renderer)
{
    public void Write(string markdown, Stream output)
    {
        var doc = renderer.Parse(markdown);
        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        DocxParts.AddStyles(main);
        DocxParts.AddFontTable(main);
        var body = new Body();
        var afterTitle = false;
        foreach (var block in doc)
        {
            var isTitle = block is HeadingBlock { Level: 1 };
            foreach (var element in Blocks(block, afterTitle ? "Subtitle" : null, 0, inInternal: false)) body.Append(element);
            afterTitle = isTitle;
        }
        body.Append(DocxParts.Section(main));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private IEnumerable<OpenXmlElement> Blocks(Block block, string? styleOverride, int depth, bool inInternal)
    {
        switch (block)
        {
            case HeadingBlock h:
                yield return Para(h.Level switch { 1 => "Title", 2 => "Heading1", 3 => "Heading2", _ => "BodyText" }, Runs(h.Inline, false), inInternal);
                break;
            case ParagraphBlock p:
                yield return Para(styleOverride ?? "BodyText", Runs(p.Inline, false), inInternal);
                break;
            case ListBlock list:
                var n = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{n++}." : "•";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (child is ParagraphBlock para && first)
                        {
                            var runs = new List<Run> { TextRun(marker + "\u00a0") };
                            runs.AddRange(Runs(para.Inline, false));
                            yield return Para("ListText", runs, inInternal, depth);
                        }
                        else
                        {
                            foreach (var e in Blocks(child, null, depth + 1, inInternal)) yield return e;
                        }
                        first = false;
                    }
                }
                break;
            case MdTable table:
                yield return Table(table);
                yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }));
                break;
            case ThematicBreakBlock:
                yield return new Paragraph(new ParagraphProperties(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Color = "A4262C" })));
                break;
            case ContainerBlock container:
                var internalPassage = MinutesRenderer.IsInternal(container);
                foreach (var child in container)
                {
                    foreach (var e in Blocks(child, null, depth, inInternal || internalPassage)) yield return e;
                }
                break;
            case LeafBlock leaf when leaf.Lines.Count > 0:
                yield return Para("BodyText", [TextRun(leaf.Lines.ToString())], inInternal);
                break;
        }
    }

    private static Paragraph Para(string style, IEnumerable<Run> runs, bool inInternal, int depth = 0)
    {
        var props = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (inInternal) props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "FFF3DC", Color = "auto" });
        if (depth > 0) props.Append(new Indentation { Left = $"{640 * (depth + 1)}", Hanging = "640" });
        var p = new Paragraph(props);
        p.Append(runs);
        return p;
    }

    private WTable Table(MdTable table)
    {
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var t = new WTable(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border(),
            new TableLayout { Type = TableLayoutValues.Autofit }));
        var columns = table.OfType<MdRow>().Select(r => r.Count).DefaultIfEmpty(1).Max();
        t.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = $"{9000 / columns}" })));
        foreach (var row in table.OfType<MdRow>())
        {
            var tr = new TableRow();
            if (row.IsHeader) tr.Append(new TableRowProperties(new TableHeader()));
            foreach (var cell in row.OfType<MdCell>())
            {
                var paragraphs = cell.OfType<ParagraphBlock>().Select(p =>
                {
                    var para = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" }));
                    para.Append(Runs(p.Inline, row.IsHeader));
                    return para;
                }).ToList();
                if (paragraphs.Count == 0) paragraphs.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TableText" })));
                tr.Append(new TableCell(paragraphs));
            }
            t.Append(tr);
        }
        return t;
    }

    private static IEnumerable<Run> Runs(ContainerInline? inline, bool bold, bool italic = false)
    {
        if (inline is null) yield break;
        foreach (var child in inline)
        {
            switch (child)
            {
                case LiteralInline l: yield return TextRun(l.Content.ToString(), bold, italic); break;
                case CodeInline c: yield return TextRun(c.Content, bold, italic); break;
                case HtmlEntityInline e: yield return TextRun(e.Transcoded.ToString(), bold, italic); break;
                case LineBreakInline lb: yield return lb.IsHard ? new Run(new Break()) : TextRun(" ", bold, italic); break;
                case LinkInline link when MinutesRenderer.IsSourceLink(link): break;
                case EmphasisInline em:
                    foreach (var r in Runs(em, bold || em.DelimiterCount >= 2, italic || em.DelimiterCount == 1)) yield return r;
                    break;
                case ContainerInline container:
                    foreach (var r in Runs(container, bold, italic)) yield return r;
                    break;
            }
        }
    }

    private static Run TextRun(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var props = new RunProperties();
            if (bold) props.Append(new Bold());
            if (italic) props.Append(new Italic());
            run.Append(props);
        }
        run.Append(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>XML 1.0 forbids most control characters.</summary>
    private static string Clean(string s) => s.Any(c => c < 0x20 && c is not '\t') ? new string(s.Where(c => c >= 0x20 || c == '\t').ToArray()) : s;
}
