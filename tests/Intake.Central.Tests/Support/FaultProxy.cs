using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Intake.Central.Tests.Support;

/// <summary>What the proxy does to one TCP connection.</summary>
public enum Fault
{
    /// <summary>Bytes pass both ways.</summary>
    Pass,
    /// <summary>The connection is closed as soon as it is accepted.</summary>
    Drop,
    /// <summary>The request is swallowed and nothing answers until the connection is closed after <see cref="FaultProxy.StallTime"/>.</summary>
    Stall,
    /// <summary>The answer stream is cut after a random number of bytes (mid-headers, mid-body or answers later).</summary>
    CutResponse,
}

/// <summary>
/// A fault-injecting TCP proxy on loopback between kiosk and centre, written for the network acceptance test. Each
/// accepted connection gets a <see cref="Fault"/> from <see cref="Choose"/>. Independently, the first
/// <see cref="SwallowDossierAnswers"/> answers to a dossier submission are withheld and the connection closed once
/// the centre has answered: the centre committed, the kiosk never heard it.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly byte[] DossierPost = Encoding.ASCII.GetBytes("POST /api/v1/dossiers ");
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly int upstreamPort;
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private readonly Random random;
    private int swallowed;

    public FaultProxy(int upstreamPort, int seed)
    {
        this.upstreamPort = upstreamPort;
        random = new Random(seed);
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    public Func<Random, Fault> Choose { get; set; } = _ => Fault.Pass;

    public int SwallowDossierAnswers { get; set; }

    public TimeSpan StallTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Answers to a committed dossier submission the kiosk never received.</summary>
    public int SwallowedDossierAnswers => Volatile.Read(ref swallowed);

    public Dictionary<Fault, int> Counts { get; } = new();

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            Fault fault;
            int cutAfter;
            lock (random)
            {
                fault = Choose(random);
                // Half the cuts fall in the first answer's headers or body, half some answers later.
                cutAfter = random.Next(2) == 0 ? random.Next(0, 3000) : random.Next(3000, 300_000);
                Counts[fault] = Counts.GetValueOrDefault(fault) + 1;
            }
            _ = Task.Run(() => HandleAsync(client, fault, cutAfter));
        }
    }

    private async Task HandleAsync(TcpClient client, Fault fault, int cutAfter)
    {
        using (client)
        {
            if (fault == Fault.Drop) { client.Client.Close(0); return; }
            if (fault == Fault.Stall)
            {
                try { await Task.Delay(StallTime, stop.Token); } catch (OperationCanceledException) { }
                return;
            }
            using var upstream = new TcpClient();
            try { await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, stop.Token); }
            catch (SocketException) { return; } // the centre is down: the kiosk sees the connection closed
            using var done = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var swallowNext = 0; // set when a dossier POST went up; then its answer is withheld
            var up = Pump(client.GetStream(), upstream.GetStream(), chunk =>
            {
                if (chunk.AsSpan().IndexOf(DossierPost) >= 0 && Interlocked.Increment(ref swallowed) <= SwallowDossierAnswers) Volatile.Write(ref swallowNext, 1);
                else if (chunk.AsSpan().IndexOf(DossierPost) >= 0) Interlocked.Decrement(ref swallowed);
                return chunk.Length;
            }, done.Token);
            long sent = 0;
            var down = Pump(upstream.GetStream(), client.GetStream(), chunk =>
            {
                if (Volatile.Read(ref swallowNext) == 1) return -1; // the centre answered (it committed): cut without a byte
                if (fault != Fault.CutResponse) return chunk.Length;
                var allowed = (int)Math.Max(0, Math.Min(chunk.Length, cutAfter - sent));
                sent += allowed;
                return allowed < chunk.Length ? -allowed - 2 : allowed;
            }, done.Token);
            await Task.WhenAny(up, down);
            await done.CancelAsync();
            client.Client.Close(0);
            upstream.Client.Close(0);
        }
    }

    /// <summary>
    /// Copies until the source ends. <paramref name="decide"/> returns how many bytes of the chunk to forward;
    /// -1: forward none and cut; -(n+2): forward n and cut.
    /// </summary>
    private static async Task Pump(NetworkStream from, NetworkStream to, Func<byte[], int> decide, CancellationToken cancellationToken)
    {
        var buffer = new byte[65536];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, cancellationToken);
                if (read == 0) return;
                var verdict = decide(buffer[..read]);
                if (verdict >= 0) { await to.WriteAsync(buffer.AsMemory(0, verdict), cancellationToken); continue; }
                if (verdict < -1) await to.WriteAsync(buffer.AsMemory(0, -verdict - 2), cancellationToken);
                return;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try { await accepting; } catch (OperationCanceledException) { }
        stop.Dispose();
    }
}
