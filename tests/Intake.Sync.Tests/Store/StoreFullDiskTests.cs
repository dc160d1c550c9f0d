using System.Diagnostics;
using FluentAssertions;
using Intake.Bench.StoreDriver;
using Intake.Sync.Store;
using Xunit;

namespace Intake.Sync.Tests.Store;

/// <summary>
/// Issue 11, full disk, on a real size-limited filesystem (a 40 MiB tmpfs mounted by the test, as root); on a machine
/// where mount is refused, on an ordinary folder whose file writer (a test double, <see cref="DiskFillingWriter"/>)
/// fails with ENOSPC once 40 MiB are written. Below the reserve, new intake is refused with the Vietnamese and English
/// message; a commit that hits ENOSPC midway leaves no partial dossier; every dossier committed before stays complete,
/// and the next start reports nothing corrupt.
/// </summary>
public sealed class StoreFullDiskTests : IDisposable
{
    private readonly StoreFolder _folder = new();
    private readonly string _mount;
    private readonly bool _mounted;

    public StoreFullDiskTests()
    {
        _mount = Path.Combine(_folder.Path, "small");
        Directory.CreateDirectory(_mount);
        _mounted = Run("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", _mount) == 0;
    }

    [Fact]
    public void Below_the_reserve_intake_is_refused_and_a_failed_write_leaves_nothing()
    {
        var data = Path.Combine(_mount, "data");
        var big = SyntheticDossier.Default with { PageBytes = 2 << 20 };
        var committed = new List<StoredDossier>();
        var filling = new DiskFillingWriter(40L << 20);
        var options = new StoreOptions(data) { ReserveBytes = 0, BlobWriterDouble = _mounted ? null : filling.Open };
        using (var store = DossierStore.Open(options))
        {
            Exception? failure = null;
            for (var i = 0; i < 20 && failure is null; i++)
            {
                try
                {
                    committed.Add(StoreFolder.CommitSynthetic(store, big, seed: i));
                }
                catch (IOException e)
                {
                    failure = e;
                }
            }

            failure.Should().NotBeNull("40 MiB cannot hold twenty 8 MiB dossiers");
            committed.Should().NotBeEmpty();
        }

        // the next start: everything committed before is complete, nothing is half there, garbage is collected
        using (var reopened = DossierStore.Open(options))
        {
            reopened.Opening.Recovery.Should().BeNull();
            reopened.List().Select(d => d.Code).Should().Equal(committed.Select(d => d.Code));
            reopened.Check().Problems.Should().BeEmpty();
        }

        // with the default reserve (5 % of 40 MiB is smaller than 1 GiB: 2 MiB) or a larger one: refused before writing
        var free = new DriveInfo(data).AvailableFreeSpace;
        using var guarded = DossierStore.Open(options with { ReserveBytes = _mounted ? 30L << 20 : free + (1L << 30) });
        var refused = () => StoreFolder.CommitSynthetic(guarded, big, seed: 99);
        refused.Should().Throw<StoreFullException>().Which.Message.Should()
            .StartWith("bộ nhớ ki-ốt sắp đầy").And.Contain("new intake is refused");
        guarded.List().Should().HaveCount(committed.Count);
        guarded.Check().Healthy.Should().BeTrue();
    }

    public void Dispose()
    {
        if (_mounted) Run("umount", "-l", _mount);
        _folder.Dispose();
    }

    private static int Run(string command, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(Driver.StartInfo(command, arguments))!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    /// <summary>Test double for a full disk: FileStreams that fail with ENOSPC once <paramref name="capacity"/> bytes are written in all.</summary>
    private sealed class DiskFillingWriter(long capacity)
    {
        private long _written;

        public Stream Open(string path, FileStreamOptions options) => new Filling(this, new FileStream(path, options));

        /// <summary>Takes up to <paramref name="wanted"/> bytes of the room left; returns how many fit.</summary>
        private int Take(int wanted)
        {
            var room = (int)Math.Max(0, Math.Min(wanted, capacity - _written));
            _written += room;
            return room;
        }

        private sealed class Filling(DiskFillingWriter disk, FileStream inner) : Stream
        {
            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => inner.Length;
            public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
            public override void Flush() => inner.Flush(flushToDisk: true);
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

            public override void Write(ReadOnlySpan<byte> buffer)
            {
                var room = disk.Take(buffer.Length);
                inner.Write(buffer[..room]);
                if (room < buffer.Length) throw new IOException("No space left on device (ENOSPC)", 28);
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing) inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
