namespace Deliberation.Web.Features.Minutes;

/// <summary>The PDF printer's queue is full or did not free up in time; the caller answers 503 with Retry-After.</summary>
public sealed class PdfBusyException() : Exception("the PDF printer is busy");
