using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Deliberation.Web.Features.Minutes;

/// <summary>
/// The official-document look of exported minutes (after GB/T 9704): A4 with its margins, body in a CJK serif
/// at 三号 with fixed 28-point lines, a centred 二号 title, 黑体-like level-1 headings, page numbers "— N —".
/// </summary>
internal static class DocxParts
{
    public const string SerifFont = "Noto Serif CJK SC";
    public const string SerifFallback = "仿宋";
    public const string SansFont = "Noto Sans CJK SC";
    public const string SansFallback = "黑体";

    public static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(SerifFont), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))),
            Style("Normal", "Normal", null, null, null, isDefault: true),
            Style("Title", "Title", SerifFont, "44", new Justification { Val = JustificationValues.Center }, bold: true, spacing: new SpacingBetweenLines { Line = "720", LineRule = LineSpacingRuleValues.Exact, Before = "240", After = "240" }),
            Style("Subtitle", "Subtitle", SerifFont, "28", new Justification { Val = JustificationValues.Center }, spacing: new SpacingBetweenLines { After = "360" }),
            Style("Heading1", "heading 1", SansFont, "32", null, outline: 0, spacing: new SpacingBetweenLines { Before = "160" }),
            Style("Heading2", "heading 2", SerifFont, "32", null, bold: true, outline: 1),
            Style("BodyText", "Body Text", null, null, null, indent: new Indentation { FirstLineChars = 200 }),
            Style("ListText", "List", null, null, null, indent: new Indentation { Left = "640", Hanging = "640" }),
            Style("TableText", "Table Text", null, "24", null, spacing: new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto }));
    }

    public static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new DocumentFormat.OpenXml.Wordprocessing.Fonts(
            new Font(new AltName { Val = SerifFallback }, new FontFamily { Val = FontFamilyValues.Roman }) { Name = SerifFont },
            new Font(new AltName { Val = SansFallback }, new FontFamily { Val = FontFamilyValues.Swiss }) { Name = SansFont });
    }

    /// <summary>The section: A4, official margins, the page-number footer.</summary>
    public static SectionProperties Section(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties(new FontSize { Val = "28" }), new Text("— ") { Space = SpaceProcessingModeValues.Preserve }),
            new SimpleField(new Run(new RunProperties(new FontSize { Val = "28" }), new Text("1"))) { Instruction = " PAGE " },
            new Run(new RunProperties(new FontSize { Val = "28" }), new Text(" —") { Space = SpaceProcessingModeValues.Preserve })));
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 2098, Right = 1474, Bottom = 1984, Left = 1588, Header = 851, Footer = 992, Gutter = 0 });
    }

    public static RunFonts Fonts(string font) => new() { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font };

    private static Style Style(string id, string name, string? font, string? size, Justification? jc, bool isDefault = false, bool bold = false,
        int? outline = null, SpacingBetweenLines? spacing = null, Indentation? indent = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        if (!isDefault) style.Append(new BasedOn { Val = "Normal" }, new PrimaryStyle());
        var p = new StyleParagraphProperties();
        if (outline is not null) p.Append(new KeepNext());
        if (spacing is not null) p.Append(spacing);
        if (indent is not null) p.Append(indent);
        if (jc is not null) p.Append(jc);
        if (outline is not null) p.Append(new OutlineLevel { Val = outline });
        if (p.HasChildren) style.Append(p);
        var r = new StyleRunProperties();
        if (font is not null) r.Append(Fonts(font));
        if (bold) r.Append(new Bold());
        if (size is not null) r.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        if (r.HasChildren) style.Append(r);
        return style;
    }
}
