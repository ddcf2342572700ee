using Deliberation.Core.Consultations;
using Deliberation.Core.Streaming;

namespace Deliberation.Core.Tests;

/// <summary>The broadcast's state machine (issue 12): publish, stop, session end.</summary>
public class StreamStateMachineTests
{
    [Theory]
    [InlineData(StreamState.Waiting, StreamSignal.PublishStarted, ConsultationStatus.Scheduled, StreamState.Live)]
    [InlineData(StreamState.Waiting, StreamSignal.PublishStarted, ConsultationStatus.Live, StreamState.Live)]
    [InlineData(StreamState.Interrupted, StreamSignal.PublishStarted, ConsultationStatus.Live, StreamState.Live)]
    [InlineData(StreamState.Live, StreamSignal.PublishStopped, ConsultationStatus.Live, StreamState.Interrupted)]
    [InlineData(StreamState.Live, StreamSignal.PublishStopped, ConsultationStatus.Scheduled, StreamState.Interrupted)]
    [InlineData(StreamState.Live, StreamSignal.PublishStopped, ConsultationStatus.Ended, StreamState.Ended)]
    [InlineData(StreamState.Live, StreamSignal.PublishStopped, ConsultationStatus.Archived, StreamState.Ended)]
    [InlineData(StreamState.Waiting, StreamSignal.SessionEnded, ConsultationStatus.Ended, StreamState.Ended)]
    [InlineData(StreamState.Live, StreamSignal.SessionEnded, ConsultationStatus.Ended, StreamState.Ended)]
    [InlineData(StreamState.Interrupted, StreamSignal.SessionEnded, ConsultationStatus.Ended, StreamState.Ended)]
    public void Moves(StreamState from, StreamSignal signal, ConsultationStatus session, StreamState to) =>
        Assert.Equal(to, StreamStateMachine.Next(from, signal, session));

    [Theory]
    [InlineData(StreamState.Live, StreamSignal.PublishStarted)]        // a second encoder does not restart the broadcast
    [InlineData(StreamState.Ended, StreamSignal.PublishStarted)]       // an ended broadcast stays ended
    [InlineData(StreamState.Waiting, StreamSignal.PublishStopped)]
    [InlineData(StreamState.Interrupted, StreamSignal.PublishStopped)]
    [InlineData(StreamState.Ended, StreamSignal.PublishStopped)]
    [InlineData(StreamState.Ended, StreamSignal.SessionEnded)]
    public void LeavesTheRestAlone(StreamState from, StreamSignal signal) =>
        Assert.Null(StreamStateMachine.Next(from, signal, ConsultationStatus.Live));

    [Theory]
    [InlineData(ConsultationStatus.Draft, false)]
    [InlineData(ConsultationStatus.Scheduled, true)]
    [InlineData(ConsultationStatus.Live, true)]
    [InlineData(ConsultationStatus.Ended, false)]
    [InlineData(ConsultationStatus.Archived, false)]
    public void OnlyScheduledOrLiveSessionsAcceptAPublish(ConsultationStatus session, bool accepts) =>
        Assert.Equal(accepts, StreamStateMachine.SessionAcceptsPublish(session));
}

/// <summary>Who may watch: public, signed-in, registered; the session closed to the public.</summary>
public class StreamAccessRulesTests
{
    private static readonly StreamViewer SignedIn = new(true, false, null, false);
    private static readonly StreamViewer Member = new(true, true, ParticipantTier.Member, false);
    private static readonly StreamViewer PublicParticipant = new(true, true, ParticipantTier.Public, false);
    private static readonly StreamViewer Moderator = new(true, false, null, true);

    public static TheoryData<StreamAccess, PublicAccess, string, string?> Cases() => new()
    {
        { StreamAccess.Public, PublicAccess.Watch, "anonymous", null },
        { StreamAccess.Public, PublicAccess.Interact, "signed-in", null },
        { StreamAccess.Public, PublicAccess.Closed, "anonymous", StreamDenial.SignIn },
        { StreamAccess.Public, PublicAccess.Closed, "signed-in", StreamDenial.Closed },
        { StreamAccess.Public, PublicAccess.Closed, "member", null },
        { StreamAccess.SignedIn, PublicAccess.Watch, "anonymous", StreamDenial.SignIn },
        { StreamAccess.SignedIn, PublicAccess.Watch, "signed-in", null },
        { StreamAccess.Registered, PublicAccess.Interact, "anonymous", StreamDenial.Registered },
        { StreamAccess.Registered, PublicAccess.Interact, "signed-in", StreamDenial.Registered },
        { StreamAccess.Registered, PublicAccess.Interact, "member", null },
        { StreamAccess.Registered, PublicAccess.Closed, "moderator", null },
        { StreamAccess.SignedIn, PublicAccess.Closed, "moderator", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(StreamAccess access, PublicAccess session, string who, string? reason)
    {
        var viewer = who switch { "anonymous" => StreamViewer.Anonymous, "signed-in" => SignedIn, "member" => Member, _ => Moderator };
        Assert.Equal(reason, StreamAccessRules.Deny(access, session, viewer));
    }

    [Fact]
    public void TheConferenceLink_IsForModeratorsAndRegisteredSpeakersOnly()
    {
        Assert.True(StreamAccessRules.SeesConferenceLink(Moderator));
        Assert.True(StreamAccessRules.SeesConferenceLink(Member));
        Assert.False(StreamAccessRules.SeesConferenceLink(PublicParticipant));
        Assert.False(StreamAccessRules.SeesConferenceLink(SignedIn));
        Assert.False(StreamAccessRules.SeesConferenceLink(StreamViewer.Anonymous));
    }
}

/// <summary>Signed media URLs: the nginx secure_link scheme, expiry, tampering, traversal.</summary>
public class MediaUrlSignerTests
{
    private static readonly MediaUrlSigner Signer = new("s3cret");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private const string Name = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void MatchesNginxSecureLink()
    {
        // nginx: secure_link_md5 "$secure_link_expires$scope s3cret", compared to the base64url MD5 without padding.
        var expected = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData("1800003600/live/x/ s3cret"u8.ToArray()))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, Signer.Sign(1_800_003_600, "/live/x/"));
    }

    [Fact]
    public void AValidLiveUrl_CoversEveryFileOfItsFolder()
    {
        var url = Signer.LivePlaylist(Name, Now.AddHours(2));
        Assert.StartsWith("/media/1800007200/", url);
        Assert.EndsWith($"/live/{Name}/index.m3u8", url);
        var path = url["/media".Length..];
        Assert.Equal(new MediaUrlSigner.MediaFile("live", Name, "index.m3u8"), Signer.Verify(path, Now));
        Assert.Equal(new MediaUrlSigner.MediaFile("live", Name, "12.ts"), Signer.Verify(path.Replace("index.m3u8", "12.ts"), Now));
    }

    [Fact]
    public void ARecordingUrl_CoversOnlyItsFile()
    {
        var path = Signer.Recording($"{Name}-1800000000.mp4", Now.AddHours(2))["/media".Length..];
        Assert.Equal("rec", Signer.Verify(path, Now)!.Kind);
        Assert.Null(Signer.Verify(path.Replace("1800000000", "1800000001"), Now));
    }

    [Fact]
    public void Expired_Tampered_OrTraversing_AreRefused()
    {
        var path = Signer.LivePlaylist(Name, Now.AddSeconds(10))["/media".Length..];
        Assert.NotNull(Signer.Verify(path, Now));
        Assert.Null(Signer.Verify(path, Now.AddSeconds(11)));                                  // expired
        var parts = path.Split('/');
        Assert.Null(Signer.Verify(path.Replace(parts[1], (long.Parse(parts[1]) + 3600).ToString()), Now)); // exp moved
        Assert.Null(Signer.Verify(path.Replace(parts[2], parts[2][..^1] + (parts[2][^1] == 'A' ? 'B' : 'A')), Now)); // sig changed
        Assert.Null(Signer.Verify(path.Replace(Name, "ffffffffffffffffffffffffffffffff"), Now)); // another stream's folder
        Assert.Null(Signer.Verify(path.Replace("index.m3u8", "../index.m3u8"), Now));        // traversal
        Assert.Null(Signer.Verify(path.Replace("index.m3u8", ".."), Now));
        Assert.Null(Signer.Verify($"/{parts[1]}/{parts[2]}/live/{Name}/", Now));             // folder listing
        Assert.Null(Signer.Verify($"/{parts[1]}/{parts[2]}/live/{Name}", Now));
        Assert.Null(Signer.Verify(new MediaUrlSigner("other").LivePlaylist(Name, Now.AddHours(1))["/media".Length..], Now)); // another secret
    }
}
