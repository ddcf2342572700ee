using Deliberation.Core.Consultations;
using Deliberation.Core.Streaming;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Core.Persistence.Configurations;

internal sealed class SessionStreamConfiguration : IEntityTypeConfiguration<SessionStream>
{
    public void Configure(EntityTypeBuilder<SessionStream> b)
    {
        b.HasKey(x => x.ConsultationId);
        b.HasOne<Consultation>().WithOne().HasForeignKey<SessionStream>(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.PublishName).HasMaxLength(32);
        b.HasIndex(x => x.PublishName).IsUnique();
        b.Property(x => x.StreamSecret).HasMaxLength(64);
        b.Property(x => x.ExternalUrl).HasMaxLength(1000);
        b.Property(x => x.BackupUrl).HasMaxLength(1000);
        b.Property(x => x.ConferenceUrl).HasMaxLength(1000);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Access).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Version).IsRowVersion();
        b.Ignore(x => x.StreamKey);
    }
}

internal sealed class StreamRecordingConfiguration : IEntityTypeConfiguration<StreamRecording>
{
    public void Configure(EntityTypeBuilder<StreamRecording> b)
    {
        b.HasKey(x => x.Id);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.FileName).HasMaxLength(1000);
        b.HasIndex(x => new { x.ConsultationId, x.StartedAt });
    }
}
