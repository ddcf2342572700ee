namespace Deliberation.Core.Security;

/// <summary>
/// One ASP.NET Core data-protection key as XML. Every node reads the same rows, so cookies signed on one node
/// (sign-in, the anonymous visitor) are read on every other.
/// </summary>
public class DataProtectionKeyRecord
{
    /// <summary>Row id.</summary>
    public int Id { get; set; }

    /// <summary>The key's friendly name as the key manager gave it.</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The key element's XML.</summary>
    public string Xml { get; set; } = "";
}
