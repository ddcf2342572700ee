using Deliberation.Core.Notifications;
using Microsoft.Extensions.Localization;

namespace Deliberation.Web.Features.FollowUp;

/// <summary>Renders stored notifications in the reader's language, and says where each leads.</summary>
public sealed class NotificationTexts(IStringLocalizer<SharedResource> l)
{
    public string Text(Notification n)
    {
        var args = n.Args.Select(a => a.StartsWith('@') ? l[a[1..]].Value : a).Cast<object>().ToArray();
        return l[$"Notify.{n.Kind}", args];
    }

    public static string Link(Notification n) => n.ItemId is not { } id
        ? "/Admin/FollowUp"
        : n.Audience switch
        {
            NotificationAudience.Staff => $"/Admin/FollowUp/Item/{id}",
            NotificationAudience.Leader => $"/Workspace/Leader/{id}",
            NotificationAudience.Department => $"/Workspace/Department/{id}",
            _ => $"/Workspace/Mine/{id}",
        };
}
