namespace Intake.Central.Tests.Support;

/// <summary>The acceptance check every delivery test ends with.</summary>
public static class Delivery
{
    /// <summary>Every dossier of the outbox is at the centre exactly once, with the kiosk's receipt, every blob's bytes hashing as at the kiosk.</summary>
    public static async Task AssertExactlyOnceAsync(CentralNode node, FolderOutbox outbox)
    {
        var ids = outbox.DossierIds.ToList();
        (await node.Store.CountsAsync()).Dossiers.Should().Be(ids.Count);
        foreach (var id in ids)
        {
            var receipt = await node.Store.FindReceiptAsync(id);
            receipt.Should().NotBeNull(id);
            outbox.ReceiptOf(id).Should().Be(receipt!.Value.Receipt, "the kiosk acknowledged with the centre's one receipt");
            var stored = await node.Store.DossierBlobsAsync(id);
            var package = outbox.Open(id);
            stored.Select(b => (b.Name, b.Sha256)).Should().BeEquivalentTo(package.Blobs.Select(b => (b.Name, b.Sha256)));
            foreach (var blob in stored)
                (await node.Blobs.Sha256Async(blob.UploadId, blob.Length, CancellationToken.None)).Should().Be(blob.Sha256);
        }
    }

}
