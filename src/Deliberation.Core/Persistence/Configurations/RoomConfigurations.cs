using Deliberation.Core.Consultations;
using Deliberation.Core.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Deliberation.Core.Persistence.Configurations;

internal sealed class RoomEventConfiguration : IEntityTypeConfiguration<RoomEvent>
{
    public void Configure(EntityTypeBuilder<RoomEvent> b)
    {
        b.HasKey(x => new { x.ConsultationId, x.Seq });
        b.Property(x => x.Type).HasMaxLength(40);
        b.Property(x => x.Payload).HasColumnType("jsonb");
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoomStreamConfiguration : IEntityTypeConfiguration<RoomStream>
{
    public void Configure(EntityTypeBuilder<RoomStream> b)
    {
        b.HasKey(x => x.ConsultationId);
        b.HasOne<Consultation>().WithOne().HasForeignKey<RoomStream>(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.Property(x => x.AuthorKey).HasMaxLength(40);
        b.Property(x => x.AuthorName).HasMaxLength(50);
        b.Property(x => x.Sector).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.FlagReason).HasMaxLength(200);
        b.Property(x => x.ModerationReason).HasMaxLength(200);
        b.Property(x => x.ModeratedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.ConsultationId, x.Status, x.CreatedAt });
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentReportConfiguration : IEntityTypeConfiguration<CommentReport>
{
    public void Configure(EntityTypeBuilder<CommentReport> b)
    {
        b.HasKey(x => new { x.CommentId, x.ReporterKey });
        b.Property(x => x.ReporterKey).HasMaxLength(40);
        b.HasOne<Comment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(x => x.AuthorKey).HasMaxLength(40);
        b.Property(x => x.AuthorName).HasMaxLength(50);
        b.Property(x => x.Text).HasMaxLength(300);
        b.Property(x => x.AnsweredBy).HasMaxLength(100);
        b.Property(x => x.AnswerText).HasMaxLength(1000);
        b.Property(x => x.FlagReason).HasMaxLength(200);
        b.HasIndex(x => new { x.ConsultationId, x.Status });
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionVoteConfiguration : IEntityTypeConfiguration<QuestionVote>
{
    public void Configure(EntityTypeBuilder<QuestionVote> b)
    {
        b.HasKey(x => new { x.QuestionId, x.VoterKey });
        b.Property(x => x.VoterKey).HasMaxLength(40);
        b.HasOne<Question>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpeechConfiguration : IEntityTypeConfiguration<Speech>
{
    public void Configure(EntityTypeBuilder<Speech> b)
    {
        b.Property(x => x.SpeakerKey).HasMaxLength(40);
        b.Property(x => x.SpeakerName).HasMaxLength(50);
        b.Property(x => x.Sector).HasMaxLength(100);
        b.Property(x => x.Topic).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(20000);
        b.HasIndex(x => new { x.ConsultationId, x.Status, x.Position });
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Participant>().WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasIndex(x => x.ConsultationId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollAnswerConfiguration : IEntityTypeConfiguration<PollAnswer>
{
    public void Configure(EntityTypeBuilder<PollAnswer> b)
    {
        b.HasKey(x => new { x.PollId, x.VoterKey });
        b.Property(x => x.VoterKey).HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(20);
        b.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormalVoteConfiguration : IEntityTypeConfiguration<FormalVote>
{
    public void Configure(EntityTypeBuilder<FormalVote> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasIndex(x => x.ConsultationId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormalVoteParticipationConfiguration : IEntityTypeConfiguration<FormalVoteParticipation>
{
    public void Configure(EntityTypeBuilder<FormalVoteParticipation> b)
    {
        b.HasKey(x => new { x.VoteId, x.ParticipantId });
        b.Property(x => x.IdempotencyKey).HasMaxLength(64);
        b.HasIndex(x => new { x.VoteId, x.IdempotencyKey }).IsUnique();
        b.HasOne<FormalVote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormalBallotConfiguration : IEntityTypeConfiguration<FormalBallot>
{
    public void Configure(EntityTypeBuilder<FormalBallot> b)
    {
        b.Property(x => x.VoterName).HasMaxLength(50);
        b.HasIndex(x => x.VoteId);
        b.HasOne<FormalVote>().WithMany().HasForeignKey(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FormalVoteTallyConfiguration : IEntityTypeConfiguration<FormalVoteTally>
{
    public void Configure(EntityTypeBuilder<FormalVoteTally> b)
    {
        b.HasKey(x => x.VoteId);
        b.HasOne<FormalVote>().WithOne().HasForeignKey<FormalVoteTally>(x => x.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoomPeakConfiguration : IEntityTypeConfiguration<RoomPeak>
{
    public void Configure(EntityTypeBuilder<RoomPeak> b)
    {
        b.HasKey(x => x.ConsultationId);
        b.HasOne<Consultation>().WithOne().HasForeignKey<RoomPeak>(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.OwnsMany(x => x.Items, i => i.ToJson());
        b.HasIndex(x => x.ConsultationId);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionnaireResponseConfiguration : IEntityTypeConfiguration<QuestionnaireResponse>
{
    public void Configure(EntityTypeBuilder<QuestionnaireResponse> b)
    {
        b.Property(x => x.RespondentKey).HasMaxLength(40);
        b.Property(x => x.RespondentName).HasMaxLength(50);
        b.OwnsMany(x => x.Answers, a => a.ToJson());
        b.HasIndex(x => new { x.QuestionnaireId, x.RespondentKey }).IsUnique();
        b.HasOne<Questionnaire>().WithMany().HasForeignKey(x => x.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoomOutcomeConfiguration : IEntityTypeConfiguration<RoomOutcome>
{
    public void Configure(EntityTypeBuilder<RoomOutcome> b)
    {
        b.Property(x => x.Text).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.ConsultationId, x.Kind, x.Position });
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organizations.Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RoomBlockConfiguration : IEntityTypeConfiguration<RoomBlock>
{
    public void Configure(EntityTypeBuilder<RoomBlock> b)
    {
        b.HasKey(x => new { x.ConsultationId, x.ParticipantKey });
        b.Property(x => x.ParticipantKey).HasMaxLength(40);
        b.Property(x => x.DisplayName).HasMaxLength(50);
        b.Property(x => x.BlockedBy).HasMaxLength(100);
        b.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}
