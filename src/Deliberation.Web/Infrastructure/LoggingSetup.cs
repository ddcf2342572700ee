namespace Deliberation.Web.Infrastructure;

public static class LoggingSetup
{
    public static void AddHubLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.IncludeScopes = false;
        });
    }
}
