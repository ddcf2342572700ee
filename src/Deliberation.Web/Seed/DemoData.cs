using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Organizations;

namespace Deliberation.Web.Seed;

/// <summary>
/// The shape of a demo body's file: Seed/demo-data.json (a city CPPCC body modelled on the seed articles) and
/// Seed/demo-county.json (a county body under it, so that the organisations' isolation is visible).
/// </summary>
public sealed record DemoData(
    DemoOrganization Organization,
    DemoOrganization ParentOrganization,
    string[] Sectors,
    string[] Committees,
    string[] Groups,
    string[] Departments,
    string Surnames,
    string[] GivenNames,
    string[] Affiliations,
    int MemberCount,
    DemoAccount[] Accounts,
    DemoSession Session,
    DemoOtherSession[] OtherSessions,
    DemoFollowUp? FollowUp = null,
    DemoMinutes? Minutes = null);

public sealed record DemoOrganization(string Name, OrganizationLevel Level);

public sealed record DemoAccount(string UserName, string Password, string DisplayName, string[] Roles, int? MemberIndex, string? Department);

public sealed record DemoSession(
    string Title, string Summary, ConsultationType Type, ConsultationMode Mode, string Venue, string HostName,
    PublicAccess PublicAccess, int StartsInDays, int StartHourLocal, int DurationMinutes, DemoAgendaItem[] Agenda,
    int MemberParticipants, DemoDepartmentParticipant[] DepartmentParticipants, DemoPerson[] Invited, DemoPerson[] Experts,
    DemoPerson[] Public);

public sealed record DemoAgendaItem(string Title, string Presenter, int Minutes);

public sealed record DemoDepartmentParticipant(string Department, string Name, string Title);

public sealed record DemoPerson(string Name, string? Affiliation);

public sealed record DemoOtherSession(
    string Title, ConsultationType Type, ConsultationMode Mode, ConsultationStatus Status, int StartsInDays,
    PublicAccess PublicAccess, string Venue);

/// <summary>Outcome items of an ended demo session, each walked to <see cref="DemoOutcome.State"/>.</summary>
public sealed record DemoFollowUp(string Session, string ContactSummary, DemoOutcome[] Items);

public sealed record DemoOutcome(
    int? Number, string Title, string Text, string Category, string Department, string[] CoHandlers, string[] Proposers,
    FollowUpStatus State, bool IsPublic, string? Instruction, int DueInDays, DemoProgress[] Progress, string? Reply,
    Satisfaction? Verdict, OutcomeSource Source = OutcomeSource.Minutes);

public sealed record DemoProgress(int Percent, string Note, bool Public);

/// <summary>Published minutes of an ended demo session, written as they would read after review.</summary>
public sealed record DemoMinutes(string Session, int Number, string Markdown);
