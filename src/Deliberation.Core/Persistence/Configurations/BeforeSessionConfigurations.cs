using Deliberation.Core.Common;
using Deliberation.Core.Consultations;
using Deliberation.Core.Intake;
using Deliberation.Core.Organizations;
using Deliberation.Core.Planning;
using Deliberation.Core.Preparation;
using Deliberation.Core.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Core.Persistence.Configurations;

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.HasKey(x => new { x.OrganizationId, x.Name, x.Year });
        b.Property(x => x.Name).HasMaxLength(32);
    }
}

internal sealed class ConsultationPlanConfiguration : IEntityTypeConfiguration<ConsultationPlan>
{
    public void Configure(EntityTypeBuilder<ConsultationPlan> b)
    {
        b.HasIndex(x => new { x.OrganizationId, x.Year }).IsUnique();
        b.Property(x => x.Title).HasMaxLength(ConsultationPlan.TitleMax);
        b.Property(x => x.ApprovedByName).HasMaxLength(100);
        b.Property(x => x.ReturnReason).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> b)
    {
        b.Property(x => x.Topic).HasMaxLength(PlanItem.TopicMax);
        b.Property(x => x.Note).HasMaxLength(PlanItem.NoteMax);
        b.HasIndex(x => new { x.PlanId, x.Position });
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<Committee>().WithMany().HasForeignKey(x => x.LeadCommitteeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TopicCampaignConfiguration : IEntityTypeConfiguration<TopicCampaign>
{
    public void Configure(EntityTypeBuilder<TopicCampaign> b)
    {
        b.Property(x => x.Title).HasMaxLength(TopicCampaign.TitleMax);
        b.Property(x => x.Description).HasMaxLength(TopicCampaign.DescriptionMax);
        b.Property(x => x.Channels).HasConversion(
            v => string.Join(',', v),
            v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TopicChannel>).ToList(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<TopicChannel>>(
                (a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList()))
            .HasMaxLength(100);
        b.Property(x => x.SensitiveWords).HasColumnType("text[]");
        b.HasIndex(x => new { x.OrganizationId, x.OpensAt });
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.Property(x => x.Title).HasMaxLength(Topic.TitleMax);
        b.Property(x => x.Reason).HasMaxLength(Topic.FieldMax);
        b.Property(x => x.PolicyBasis).HasMaxLength(Topic.FieldMax);
        b.Property(x => x.CurrentSituation).HasMaxLength(Topic.FieldMax);
        b.Property(x => x.Problems).HasMaxLength(Topic.FieldMax);
        b.Property(x => x.Direction).HasMaxLength(Topic.FieldMax);
        b.Property(x => x.RejectReason).HasMaxLength(Topic.ReasonMax);
        b.Property(x => x.SelectionReason).HasMaxLength(Topic.ReasonMax);
        b.Property(x => x.SelectedByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.DisplayNumber);
        b.HasIndex(x => new { x.OrganizationId, x.Year, x.Number }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.Status });
        b.HasOne<TopicCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TopicNotice>().WithMany().HasForeignKey(x => x.NoticeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Submitters).WithOne().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicSubmitterConfiguration : IEntityTypeConfiguration<TopicSubmitter>
{
    public void Configure(EntityTypeBuilder<TopicSubmitter> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(50);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.Property(x => x.ContactEmail).HasMaxLength(200);
        b.Property(x => x.TrackingCode).HasMaxLength(16);
        b.HasIndex(x => x.TrackingCode).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.VisitorId);
    }
}

internal sealed class TopicEndorsementConfiguration : IEntityTypeConfiguration<TopicEndorsement>
{
    public void Configure(EntityTypeBuilder<TopicEndorsement> b)
    {
        b.HasKey(x => new { x.TopicId, x.EndorserKey });
        b.Property(x => x.EndorserKey).HasMaxLength(40);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicCommentConfiguration : IEntityTypeConfiguration<TopicComment>
{
    public void Configure(EntityTypeBuilder<TopicComment> b)
    {
        b.Property(x => x.AuthorKey).HasMaxLength(40);
        b.Property(x => x.AuthorName).HasMaxLength(50);
        b.Property(x => x.Text).HasMaxLength(TopicComment.TextMax);
        b.Property(x => x.FlagReason).HasMaxLength(100);
        b.Property(x => x.ModerationReason).HasMaxLength(200);
        b.Property(x => x.ModeratedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.TopicId, x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicEventConfiguration : IEntityTypeConfiguration<TopicEvent>
{
    public void Configure(EntityTypeBuilder<TopicEvent> b)
    {
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(Topic.ReasonMax);
        b.HasIndex(x => new { x.TopicId, x.At });
    }
}

internal sealed class TopicNoticeConfiguration : IEntityTypeConfiguration<TopicNotice>
{
    public void Configure(EntityTypeBuilder<TopicNotice> b)
    {
        b.Property(x => x.Title).HasMaxLength(TopicNotice.TitleMax);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.HasIndex(x => new { x.OrganizationId, x.StartsAt });
        b.HasOne<TopicCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionMaterialConfiguration : IEntityTypeConfiguration<SessionMaterial>
{
    public void Configure(EntityTypeBuilder<SessionMaterial> b)
    {
        b.Property(x => x.Title).HasMaxLength(SessionMaterial.TitleMax);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedByName).HasMaxLength(100);
        b.HasIndex(x => new { x.ConsultationId, x.Sha256 }).IsUnique();
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionQuotaConfiguration : IEntityTypeConfiguration<SessionQuota>
{
    public void Configure(EntityTypeBuilder<SessionQuota> b)
    {
        b.HasKey(x => new { x.ConsultationId, x.Tier });
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpinionReportConfiguration : IEntityTypeConfiguration<OpinionReport>
{
    public void Configure(EntityTypeBuilder<OpinionReport> b)
    {
        b.Property(x => x.Title).HasMaxLength(OpinionReport.TitleMax);
        b.Property(x => x.Text).HasMaxLength(OpinionReport.TextMax);
        b.Property(x => x.Location).HasMaxLength(100);
        b.Property(x => x.SubmitterName).HasMaxLength(50);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.Property(x => x.ContactEmail).HasMaxLength(200);
        b.Property(x => x.TrackingCode).HasMaxLength(16);
        b.Property(x => x.Answer).HasMaxLength(OpinionReport.AnswerMax);
        b.Property(x => x.AnsweredByName).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.DisplayNumber);
        b.HasIndex(x => x.TrackingCode).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Year, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Status });
        b.HasIndex(x => x.DepartmentId);
        b.HasIndex(x => x.SubmitterUserId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportEventConfiguration : IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportEvent> b)
    {
        b.Property(x => x.ActorName).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(OpinionReport.AnswerMax);
        b.HasIndex(x => new { x.ReportId, x.At });
    }
}
