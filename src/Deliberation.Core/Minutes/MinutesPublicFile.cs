namespace Deliberation.Core.Minutes;

/// <summary>
/// A public download of published minutes, rendered once when the version is published and served from here
/// (every node reads the same row; nothing is rendered on an anonymous request).
/// </summary>
public class MinutesPublicFile
{
    /// <summary>The minutes.</summary>
    public Guid MinutesId { get; set; }
    /// <summary>The published version it was rendered from.</summary>
    public int VersionNo { get; set; }
    /// <summary>md, html, docx or pdf.</summary>
    public required string Format { get; set; }
    /// <summary>MIME type.</summary>
    public required string ContentType { get; set; }
    /// <summary>Download file name.</summary>
    public required string FileName { get; set; }
    /// <summary>The bytes.</summary>
    public required byte[] Content { get; set; }
    /// <summary>SHA-256 of the bytes, hex: the entity tag.</summary>
    public required string Sha256 { get; set; }
    /// <summary>When rendered.</summary>
    public DateTimeOffset RenderedAt { get; set; }
}
