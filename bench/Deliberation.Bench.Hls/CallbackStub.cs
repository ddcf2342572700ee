using System.Net;

namespace Deliberation.Bench.Hls;

/// <summary>Answers nginx-rtmp's publish callbacks with 200 (every publish allowed) on a loopback port.</summary>
public sealed class CallbackStub : IDisposable
{
    private readonly HttpListener _listener = new();

    private CallbackStub(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public static CallbackStub Start() => new(StreamRig.FreePort());

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            try
            {
                var ctx = await _listener.GetContextAsync();
                ctx.Response.StatusCode = 200;
                ctx.Response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }

    public void Dispose() => _listener.Close();
}
