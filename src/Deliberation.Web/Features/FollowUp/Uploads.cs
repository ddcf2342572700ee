using Deliberation.Core.FollowUp;

namespace Deliberation.Web.Features.FollowUp;

/// <summary>Which reply attachments are accepted, and how they are served back (never as active content).</summary>
public static class Uploads
{
    public const int MaxFiles = 5;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".txt"] = "text/plain; charset=utf-8",
    };

    public static string Accept => string.Join(',', Types.Keys);

    public static string SafeContentType(string fileName) =>
        Types.GetValueOrDefault(Path.GetExtension(fileName)) ?? "application/octet-stream";

    /// <summary>Reads the uploaded files, or returns an error resource key.</summary>
    public static async Task<(List<AttachmentUpload> Files, string? Error)> ReadAsync(IReadOnlyList<IFormFile>? files, CancellationToken ct)
    {
        var list = new List<AttachmentUpload>();
        files ??= [];
        if (files.Count > MaxFiles) return (list, "Validation.TooManyFiles");
        foreach (var f in files.Where(f => f.Length > 0))
        {
            if (f.Length > FollowUpAttachment.MaxBytes) return (list, "Validation.FileTooLarge");
            var name = Path.GetFileName(f.FileName);
            if (!Types.ContainsKey(Path.GetExtension(name))) return (list, "Validation.FileType");
            using var buffer = new MemoryStream();
            await f.CopyToAsync(buffer, ct);
            list.Add(new AttachmentUpload(name.Length > 200 ? name[^200..] : name, SafeContentType(name), buffer.ToArray()));
        }
        return (list, null);
    }
}
