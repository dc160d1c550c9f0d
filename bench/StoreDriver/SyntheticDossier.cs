using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Intake.Dossiers;
using Intake.Dossiers.Package;
using Intake.Sync.Store;

namespace Intake.Bench.StoreDriver;

/// <summary>
/// A dossier made without scanning, for the store's tests and benches: an applicant with a name, ID number and date of
/// birth, <paramref name="Pages"/> page images of random bytes (as incompressible as JPEG), a dossier.pdf whose bytes
/// carry the applicant's text the way a PDF text layer does, and dossier.json from the real writer.
/// </summary>
public sealed record SyntheticDossier(string FullName, string IdNumber, DateOnly DateOfBirth, string Residence, int Pages = 4, int PageBytes = 2 << 20)
{
    public static SyntheticDossier Default { get; } = new("Nguyễn Thị Hương", "079190012345", new DateOnly(1990, 3, 7), "12 Lê Lợi, Phường Bến Nghé, TP. Hồ Chí Minh");

    public DossierCommit Build(DossierCode code, int seed = 0)
    {
        var random = new Random(seed);
        var images = Enumerable.Range(0, Pages).Select(i =>
        {
            var bytes = new byte[PageBytes];
            random.NextBytes(bytes);
            return new PackageFile(string.Create(CultureInfo.InvariantCulture, $"page-{i + 1:D3}.jpg"), bytes);
        }).ToArray();
        var now = DateTimeOffset.Now;
        var applicant = Applicant.Empty with
        {
            FullName = new Field(FullName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), 0.98, FieldSource.Qr, 0),
            IdNumber = new Field(IdNumber, 1.0, FieldSource.Qr, 0),
            DateOfBirth = new Field(DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 1.0, FieldSource.Mrz, 1),
            PlaceOfResidence = new Field(Residence, 0.9, FieldSource.Ocr, 0),
        };
        var dossier = Dossier.Create(code, "Kiểm thử", now) with
        {
            Applicant = applicant,
            Documents = [new Document("cccd-2021-front", 0.97, [new PageRegion(0)], new Dictionary<string, Field>())],
            Pages = images.Select((p, i) => new DossierPage(i, 2480, 3508, 300, Convert.ToHexStringLower(SHA256.HashData(p.Bytes)))).ToArray(),
        };
        var text = $"%PDF-1.7\n% text layer: {FullName} {FullName.ToUpperInvariant()} {IdNumber} {DateOfBirth:dd/MM/yyyy}\n";
        var pdf = Encoding.UTF8.GetBytes(text).Concat(RandomNumberGenerator.GetBytes(4096)).ToArray();
        var files = new[]
        {
            new PackageFile(DossierPackageWriter.PdfName, pdf),
            new PackageFile(DossierPackageWriter.JsonName, DossierJson.Write(dossier, [null], DossierPackageWriter.PdfName)),
        };
        return new DossierCommit(new DossierPackage(dossier, files), images);
    }
}
