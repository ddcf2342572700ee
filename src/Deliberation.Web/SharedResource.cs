using System.Resources;

[assembly: NeutralResourcesLanguage("zh-CN")]

namespace Deliberation.Web;

/// <summary>Marker for the shared UI strings (Resources/SharedResource*.resx): Chinese is neutral, English in .en.</summary>
public sealed class SharedResource;
