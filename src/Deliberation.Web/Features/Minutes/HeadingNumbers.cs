using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Deliberation.Web.Features.Minutes;

/// <summary>Official-document heading numbers: level 2 is 一、二、…, level 3 is （一）（二）… restarting under each level 2.</summary>
public static class HeadingNumbers
{
    private const string Digits = "〇一二三四五六七八九";

    public static void Apply(MarkdownDocument doc)
    {
        int h2 = 0, h3 = 0;
        foreach (var heading in doc.Descendants<HeadingBlock>())
        {
            string label;
            if (heading.Level == 2) { h2++; h3 = 0; label = Chinese(h2) + "、"; }
            else if (heading.Level == 3) { h3++; label = "（" + Chinese(h3) + "）"; }
            else continue;
            if (heading.Inline is null) continue;
            var first = heading.Inline.FirstChild;
            var number = new LiteralInline(label);
            if (first is null) heading.Inline.AppendChild(number);
            else first.InsertBefore(number);
        }
    }

    /// <summary>1–99 in Chinese numerals (十一, 二十).</summary>
    public static string Chinese(int n)
    {
        if (n <= 0 || n >= 100) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return Digits[n].ToString();
        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : Digits[tens].ToString()) + "十" + (ones == 0 ? "" : Digits[ones].ToString());
    }
}
