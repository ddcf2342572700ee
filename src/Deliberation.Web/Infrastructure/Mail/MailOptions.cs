namespace Deliberation.Web.Infrastructure.Mail;

/// <summary>Outgoing e-mail over SMTP, section <c>Mail</c>. Off unless <see cref="Enabled"/>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public bool Enabled { get; set; }
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    /// <summary>Sender address, e.g. <c>协商议事厅 &lt;noreply@example.org&gt;</c>.</summary>
    public string From { get; set; } = "";
    /// <summary>TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it.</summary>
    public bool UseSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Public address of the hub, for links in e-mails.</summary>
    public string SiteUrl { get; set; } = "http://127.0.0.1:5080";

    public bool IsValid() =>
        !Enabled || (!string.IsNullOrWhiteSpace(Host) && Port is > 0 and < 65536 && MimeKit.MailboxAddress.TryParse(From, out _)
            && Uri.TryCreate(SiteUrl, UriKind.Absolute, out _));
}
