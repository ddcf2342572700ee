using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;

namespace Deliberation.Web.Features.Reference;

/// <summary>The staff's reference data (界别, 专委会, 承办单位, 委员) and session preparation (议程, 参加人员).</summary>
public static class ReferenceSetup
{
    public static IServiceCollection AddReference(this IServiceCollection services)
    {
        services.AddScoped<SectorCommands>();
        services.AddScoped<CommitteeCommands>();
        services.AddScoped<DepartmentCommands>();
        services.AddScoped<MemberCommands>();
        services.AddScoped<AgendaCommands>();
        services.AddScoped<ParticipantCommands>();
        return services;
    }
}
