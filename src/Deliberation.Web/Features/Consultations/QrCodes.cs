using QRCoder;

namespace Deliberation.Web.Features.Consultations;

/// <summary>QR codes of room links, as SVG (sharp on a phone and on the hall's big screen).</summary>
public sealed class QrCodes
{
    public string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
