using System.IO.Pipelines;
using System.Text;
using Deliberation.Realtime.Rooms.Fanout;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Deliberation.Web.Tests.Rooms;

/// <summary>
/// The room fan-out over real SignalR connection objects whose outgoing pipe holds 1 KB: a connection that is not
/// drained is skipped while the other keeps receiving; once drained it goes on, unless it skipped a count push, which
/// has no sequence to resume by: then it is closed (its rejoin returns the current counts).
/// </summary>
public class RoomFanoutTests
{
    private const string Group = "room:test";
    private readonly RoomFanout _fanout = new(NullLogger<RoomFanout>.Instance, TimeProvider.System);

    [Fact]
    public async Task AnUndrainedConnectionIsSkipped_TheOtherKeepsReceiving_AndAMissedCountPushClosesItOnceDrained()
    {
        var slow = Connect("slow");
        Send("EventsReceived", new string('a', 4000), catchesUp: true);
        Assert.Equal(0, _fanout.Skipped); // written, not drained
        var fast = Connect("fast");
        Send("EventsReceived", "b", catchesUp: true);
        Send("QuestionVotesChanged", "c", catchesUp: false);
        Assert.Equal(2, _fanout.Skipped); // the slow one still holds 4 KB over its 1 KB limit, twice skipped
        var fastText = await fast.DrainAsync();
        Assert.Contains("\"b\"", fastText);
        Assert.Contains("\"c\"", fastText);

        Assert.DoesNotContain("\"b\"", await slow.DrainAsync());
        await EventuallyAsync(() =>
        {
            Send("EventsReceived", "d", catchesUp: true);
            return _fanout.Closed == 1;
        });
        await EventuallyAsync(() => slow.Context.ConnectionAborted.IsCancellationRequested);
        Assert.False(fast.Context.ConnectionAborted.IsCancellationRequested);
    }

    [Fact]
    public async Task AConnectionThatSkippedOnlySequencedBatches_GoesOnOnceDrained()
    {
        var slow = Connect("slow");
        Send("EventsReceived", new string('a', 4000), catchesUp: true);
        Send("EventsReceived", "b", catchesUp: true);
        Assert.Equal(1, _fanout.Skipped);
        await slow.DrainAsync();
        var seen = "";
        await EventuallyAsync(() =>
        {
            Send("PresenceChanged", "e", catchesUp: true);
            seen += slow.Drain();
            return seen.Contains("\"e\"", StringComparison.Ordinal);
        });
        Assert.Equal(0, _fanout.Closed);
        Assert.False(slow.Context.ConnectionAborted.IsCancellationRequested);
        _fanout.Disconnected("slow");
        Assert.Equal(0, _fanout.Count(Group));
    }

    private void Send(string target, string argument, bool catchesUp) =>
        _fanout.Send(Group, new SerializedHubMessage(new InvocationMessage(target, [argument])), catchesUp);

    private Client Connect(string id)
    {
        var options = new PipeOptions(pauseWriterThreshold: 1024, resumeWriterThreshold: 512, useSynchronizationContext: false);
        var toClient = new Pipe(options);
        var toServer = new Pipe(options);
        var connection = new DefaultConnectionContext(id, new Duplex(toServer.Reader, toClient.Writer), new Duplex(toClient.Reader, toServer.Writer));
        var context = new HubConnectionContext(connection,
            new HubConnectionContextOptions { KeepAliveInterval = TimeSpan.FromMinutes(5), ClientTimeoutInterval = TimeSpan.FromMinutes(5) },
            NullLoggerFactory.Instance) { Protocol = new JsonHubProtocol(Options.Create(new JsonHubProtocolOptions())) };
        _fanout.Connected(context);
        _fanout.Add(id, Group);
        return new Client(context, toClient.Reader);
    }

    private sealed record Duplex(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>The client's end: reads (drains) what the server wrote.</summary>
    private sealed record Client(HubConnectionContext Context, PipeReader FromServer)
    {
        public string Drain()
        {
            var text = new StringBuilder();
            while (FromServer.TryRead(out var r) && !r.Buffer.IsEmpty)
            {
                foreach (var segment in r.Buffer) text.Append(Encoding.UTF8.GetString(segment.Span));
                FromServer.AdvanceTo(r.Buffer.End);
            }
            return text.ToString();
        }

        public async Task<string> DrainAsync()
        {
            var text = Drain();
            await Task.Yield();
            return text + Drain();
        }
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (condition()) return;
            await Task.Delay(10);
        }
        Assert.Fail("condition not met");
    }
}
