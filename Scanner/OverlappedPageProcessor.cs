using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Intake.Scanner;

/// <summary>
/// Cleans and reads pages while later pages are still being scanned. Up to <c>workers</c> pages are
/// processed at once, each as soon as the source delivers it; results come back in page order. When every
/// worker is busy no further page is taken from the source, so the source's own small buffer fills and
/// its scanning thread waits before the next sheet (back-pressure): memory stays bounded by
/// workers + the source's buffer + workers finished results, never by the length of the batch.
/// Each page is disposed once its processing ends. The first failure (scan or processing) ends the run.
/// </summary>
public static class OverlappedPageProcessor
{
    public static async IAsyncEnumerable<TResult> ProcessAsync<TResult>(
        IAsyncEnumerable<ScannedPage> pages,
        Func<ScannedPage, CancellationToken, Task<TResult>> process,
        int workers,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(workers, workers);
        // Results in page order; bounded, so a consumer that stops reading also stops the scan.
        var ordered = Channel.CreateBounded<Task<TResult>>(new BoundedChannelOptions(workers) { SingleReader = true, SingleWriter = true });
        var feeding = Feed(pages, process, slots, workers, ordered.Writer, stop.Token);
        try
        {
            await foreach (var result in ordered.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
                yield return await result.ConfigureAwait(false);
            await feeding.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            // Let pages already being processed finish (and be disposed) before the slots go away.
            try
            {
                await feeding.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Already reported through the channel, or the run was stopped on purpose.
            }
            while (ordered.Reader.TryRead(out var pending))
            {
                try
                {
                    await pending.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // A result nobody will read; its failure has no one to go to.
                }
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task Feed<TResult>(
        IAsyncEnumerable<ScannedPage> pages,
        Func<ScannedPage, CancellationToken, Task<TResult>> process,
        SemaphoreSlim slots,
        int workers,
        ChannelWriter<Task<TResult>> ordered,
        CancellationToken stop)
    {
        try
        {
            await foreach (var page in pages.WithCancellation(stop).ConfigureAwait(false))
            {
                try
                {
                    await slots.WaitAsync(stop).ConfigureAwait(false);
                }
                catch
                {
                    page.Dispose();
                    throw;
                }
                var task = Run(page, process, slots, stop);
                await ordered.WriteAsync(task, stop).ConfigureAwait(false);
            }
            ordered.TryComplete();
        }
        catch (Exception e)
        {
            ordered.TryComplete(e);
        }
        finally
        {
            // Nothing returns while a page is still in a worker's hands: holding every slot means all are done.
            for (var i = 0; i < workers; i++) await slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            slots.Release(workers);
        }
    }

    private static async Task<TResult> Run<TResult>(ScannedPage page, Func<ScannedPage, CancellationToken, Task<TResult>> process, SemaphoreSlim slots, CancellationToken stop)
    {
        try
        {
            return await Task.Run(() => process(page, stop), stop).ConfigureAwait(false);
        }
        finally
        {
            page.Dispose();
            slots.Release();
        }
    }
}
