using Deliberation.Core.Consultations;
using Deliberation.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Core.Persistence.Configurations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Venue).HasMaxLength(200);
        b.Property(x => x.HostName).HasMaxLength(100);
        b.Property(x => x.RoomCode).HasMaxLength(6).IsFixedLength();
        b.Property(x => x.Status);
        b.Property(x => x.Version).IsRowVersion();
        b.OwnsOne(x => x.Room, r =>
        {
            r.Property(x => x.Announcement).HasMaxLength(500);
            r.Property(x => x.SensitiveWords);
        });
        // The room-code rule: unique among sessions that still hold a code (all but archived).
        b.HasIndex(x => x.RoomCode).IsUnique().HasFilter("\"Status\" <> 'Archived'").HasDatabaseName("IX_Consultations_OpenRoomCode");
        b.HasIndex(x => new { x.Status, x.StartsAt });
        b.HasOne<Topics.Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Planning.PlanItem>().WithMany().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
        b.HasMany(x => x.Agenda).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Presenter).HasMaxLength(100);
        b.HasIndex(x => new { x.ConsultationId, x.Order });
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(50);
        b.Property(x => x.Affiliation).HasMaxLength(100);
        b.HasIndex(x => new { x.ConsultationId, x.Tier });
        b.HasIndex(x => new { x.ConsultationId, x.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        b.HasIndex(x => new { x.ConsultationId, x.VisitorId }).IsUnique().HasFilter("\"VisitorId\" IS NOT NULL");
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.PersonalCode).HasMaxLength(16);
        b.HasIndex(x => x.PersonalCode).IsUnique().HasFilter("\"PersonalCode\" IS NOT NULL");
        b.Property(x => x.CheckedInBy).HasMaxLength(100);
        b.Property(x => x.ContactEmail).HasMaxLength(200);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.HasIndex(x => new { x.ConsultationId, x.Status, x.WaitlistedAt });
        b.Ignore(x => x.HoldsSeat);
    }
}
