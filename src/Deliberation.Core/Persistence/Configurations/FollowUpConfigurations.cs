using Deliberation.Core.Accounts;
using Deliberation.Core.Consultations;
using Deliberation.Core.FollowUp;
using Deliberation.Core.Notifications;
using Deliberation.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Core.Persistence.Configurations;

internal sealed class OutcomeItemConfiguration : IEntityTypeConfiguration<OutcomeItem>
{
    public void Configure(EntityTypeBuilder<OutcomeItem> b)
    {
        // Ids of the follow-up records are made in code, so children added to a loaded item are inserted, never updated.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(OutcomeItem.TitleMax);
        b.Property(x => x.Text).HasMaxLength(OutcomeItem.TextMax);
        b.Property(x => x.Category).HasMaxLength(50);
        b.Property(x => x.SourceRefs).HasColumnType("text[]");
        b.Property(x => x.Version).IsRowVersion();
        // The minutes feature calls CreateFromMinutesAsync freely; this index is what makes it idempotent.
        b.HasIndex(x => new { x.MinutesId, x.RecommendationNumber }).IsUnique()
            .HasFilter("\"MinutesId\" IS NOT NULL").HasDatabaseName("IX_OutcomeItems_Minutes_Recommendation");
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        b.HasIndex(x => new { x.LeadDepartmentId, x.Status });
        b.HasIndex(x => new { x.IsPublic, x.UpdatedAt });
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.LeadDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.ProposedDepartmentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Proposers).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.CoHandlers).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Instructions).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Replies).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Ratings).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutcomeProposerConfiguration : IEntityTypeConfiguration<OutcomeProposer>
{
    public void Configure(EntityTypeBuilder<OutcomeProposer> b)
    {
        b.HasKey(x => new { x.ItemId, x.MemberId });
        b.Property(x => x.Name).HasMaxLength(50);
        b.HasIndex(x => x.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutcomeCoHandlerConfiguration : IEntityTypeConfiguration<OutcomeCoHandler>
{
    public void Configure(EntityTypeBuilder<OutcomeCoHandler> b)
    {
        b.HasKey(x => new { x.ItemId, x.DepartmentId });
        b.HasIndex(x => x.DepartmentId);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowUpEventConfiguration : IEntityTypeConfiguration<FollowUpEvent>
{
    public void Configure(EntityTypeBuilder<FollowUpEvent> b)
    {
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(8000);
        b.HasIndex(x => new { x.ItemId, x.At });
        b.HasIndex(x => new { x.IsPublic, x.At });
    }
}

internal sealed class LeaderInstructionConfiguration : IEntityTypeConfiguration<LeaderInstruction>
{
    public void Configure(EntityTypeBuilder<LeaderInstruction> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.LeaderName).HasMaxLength(100);
    }
}

internal sealed class FollowUpReplyConfiguration : IEntityTypeConfiguration<FollowUpReply>
{
    public void Configure(EntityTypeBuilder<FollowUpReply> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Text).HasMaxLength(8000);
        b.Property(x => x.ContactSummary).HasMaxLength(1000);
        b.HasIndex(x => new { x.ItemId, x.Round });
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.ReplyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpAttachmentConfiguration : IEntityTypeConfiguration<FollowUpAttachment>
{
    public void Configure(EntityTypeBuilder<FollowUpAttachment> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
    }
}

internal sealed class FollowUpRatingConfiguration : IEntityTypeConfiguration<FollowUpRating>
{
    public void Configure(EntityTypeBuilder<FollowUpRating> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.HasIndex(x => new { x.ItemId, x.Round, x.MemberId }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Kind).HasMaxLength(64);
        b.Property(x => x.Args).HasColumnType("text[]");
        b.HasIndex(x => new { x.UserId, x.ReadAt });
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.Property(x => x.Key).HasMaxLength(200);
        b.HasIndex(x => x.Key).IsUnique().HasDatabaseName("IX_SentReminders_Key");
    }
}
