namespace Deliberation.Web.Features.Minutes;

/// <summary>A rendered download: its bytes, MIME type and file name.</summary>
public sealed record RenderedFile(byte[] Content, string ContentType, string FileName);
