using Deliberation.Core.Consultations;
using Deliberation.Core.Minutes;
using Deliberation.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Core.Persistence.Configurations;

internal sealed class MinutesDocumentConfiguration : IEntityTypeConfiguration<MinutesDocument>
{
    public void Configure(EntityTypeBuilder<MinutesDocument> b)
    {
        b.ToTable("Minutes");
        b.Property(x => x.CompileError).HasMaxLength(1000);
        b.Property(x => x.SignedBy).HasMaxLength(100);
        b.HasIndex(x => x.ConsultationId).IsUnique();
        b.HasIndex(x => new { x.OrganizationId, x.Year, x.Number }).IsUnique();
        b.HasOne<Consultation>().WithOne().HasForeignKey<MinutesDocument>(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId);
    }
}

internal sealed class MinutesVersionConfiguration : IEntityTypeConfiguration<MinutesVersion>
{
    public void Configure(EntityTypeBuilder<MinutesVersion> b)
    {
        b.Property(x => x.AuthorName).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(500);
        // The version number is the optimistic lock of an edit: two saves on the same base cannot both win.
        b.HasIndex(x => new { x.MinutesId, x.No }).IsUnique();
        b.HasOne<MinutesDocument>().WithMany().HasForeignKey(x => x.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesCommentConfiguration : IEntityTypeConfiguration<MinutesComment>
{
    public void Configure(EntityTypeBuilder<MinutesComment> b)
    {
        b.Property(x => x.AuthorName).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(2000);
        b.HasIndex(x => new { x.MinutesId, x.CreatedAt });
        b.HasOne<MinutesDocument>().WithMany().HasForeignKey(x => x.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesTemplateConfiguration : IEntityTypeConfiguration<MinutesTemplate>
{
    public void Configure(EntityTypeBuilder<MinutesTemplate> b)
    {
        b.HasKey(x => x.OrganizationId);
        b.Property(x => x.Markdown).HasMaxLength(20000);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.HasOne<Organization>().WithOne().HasForeignKey<MinutesTemplate>(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesWorkItemConfiguration : IEntityTypeConfiguration<MinutesWorkItem>
{
    public void Configure(EntityTypeBuilder<MinutesWorkItem> b)
    {
        b.ToTable("MinutesWork");
        b.Property(x => x.JobId).HasMaxLength(100);
        b.Property(x => x.RunBy).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(200);
        // The sweep reads only what has not reached the queue yet.
        b.HasIndex(x => x.RequestedAt).HasFilter("\"EnqueuedAt\" IS NULL").HasDatabaseName("IX_MinutesWork_Pending");
        b.HasIndex(x => x.ConsultationId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesPublicFileConfiguration : IEntityTypeConfiguration<MinutesPublicFile>
{
    public void Configure(EntityTypeBuilder<MinutesPublicFile> b)
    {
        b.HasKey(x => new { x.MinutesId, x.VersionNo, x.Format });
        b.Property(x => x.Format).HasMaxLength(8);
        b.Property(x => x.ContentType).HasMaxLength(120);
        b.Property(x => x.FileName).HasMaxLength(300);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasOne<MinutesDocument>().WithMany().HasForeignKey(x => x.MinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}
