using FluentAssertions;
using Intake.Kiosk.Host.Hardware;
using Intake.Kiosk.Host.Hardware.Printer;
using Intake.TestSupport;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Hardware;

/// <summary>The receipt as ESC/POS bytes in a plain file standing for /dev/usb/lp0, and as a PDF when the printer is missing.</summary>
public sealed class ReceiptPrinterTests : IDisposable
{
    private static readonly Receipt Sample = new("K01-261129-0007", "1.001193", "001203004567",
        new DateTimeOffset(2026, 11, 29, 2, 5, 0, TimeSpan.Zero), "https://dichvucong.example/tra-cuu?ma=K01-261129-0007");

    private readonly string _folder = Directory.CreateTempSubdirectory("intake-receipt-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_receipt_goes_to_the_device_as_escpos_with_its_qr_code()
    {
        var device = Path.Combine(_folder, "lp0");
        File.WriteAllBytes(device, []);
        var outcome = new ReceiptPrinter(new PrinterOptions { Device = device }, _folder).Print(Sample);

        outcome.Should().Be(new PrintOutcome(true, null, null));
        var bytes = File.ReadAllBytes(device);
        bytes[..5].Should().Equal(0x1B, 0x40, 0x1B, 0x74, 52); // ESC @, ESC t 52 (Windows-1258)
        var payload = "https://dichvucong.example/tra-cuu?ma=K01-261129-0007"u8.ToArray();
        var length = payload.Length + 3;
        byte[] qr =
        [
            0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,   // GS ( k: model 2
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06,         // module size 6 dots
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,         // error correction M
            0x1D, 0x28, 0x6B, (byte)length, 0x00, 0x31, 0x50, 0x30, .. payload, // store
            0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30,         // print
        ];
        IndexOf(bytes, qr).Should().BePositive("the QR code is stored and printed with GS ( k");
        bytes[^4..].Should().Equal(0x1D, 0x56, 0x42, 0x03); // feed and partial cut
        IndexOf(bytes, "K01-261129-0007"u8.ToArray()).Should().BePositive();
        IndexOf(bytes, "1.001193"u8.ToArray()).Should().BePositive();
        IndexOf(bytes, "29/11/2026 09:05"u8.ToArray()).Should().BePositive("the time is printed in Vietnam's time");
        IndexOf(bytes, "********4567"u8.ToArray()).Should().BePositive();
        IndexOf(bytes, "001203004567"u8.ToArray()).Should().Be(-1, "the full ID number is never printed");
        // "Mã hồ sơ" in Windows-1258: ã = a + combining tilde (DE), ồ = ô (F4) + combining grave (CC), ơ = F5.
        IndexOf(bytes, [(byte)'M', (byte)'a', 0xDE, (byte)' ', (byte)'h', 0xF4, 0xCC, (byte)' ', (byte)'s', 0xF5]).Should().BePositive();
    }

    [Fact]
    public void Vietnamese_text_is_encoded_in_windows_1258_with_combining_tone_marks()
    {
        EscPos.Encode("Biên nhận").Should().Equal((byte)'B', (byte)'i', 0xEA, (byte)'n', (byte)' ', (byte)'n', (byte)'h', 0xE2, 0xF2, (byte)'n');
        EscPos.Encode("Đỗ Ưởng").Should().Equal(0xD0, 0xF4, 0xDE, (byte)' ', 0xDD, 0xF5, 0xD2, (byte)'n', (byte)'g');
    }

    [Fact]
    public void Without_the_device_the_receipt_is_a_pdf()
    {
        var outcome = new ReceiptPrinter(new PrinterOptions { Device = Path.Combine(_folder, "no-such-lp0") }, _folder).Print(Sample);

        outcome.Printed.Should().BeFalse();
        outcome.Problem.Should().StartWith("Không thấy máy in / no printer at");
        outcome.PdfPath.Should().Be(Path.Combine(_folder, "receipts", "receipt-K01-261129-0007.pdf"));
        var text = ExternalTool.Run("pdftotext", "-layout", outcome.PdfPath!, "-");
        text.Should().Contain("PHIẾU TIẾP NHẬN HỒ SƠ").And.Contain("K01-261129-0007").And.Contain("1.001193").And.Contain("********4567")
            .And.Contain("29/11/2026 09:05").And.NotContain("001203004567");
    }

    [Fact]
    public void The_citizens_download_is_the_same_pdf_with_the_procedures_name_and_a_qr_code_that_scans()
    {
        var receipt = new Intake.Kiosk.Host.Session.SessionReceipt("K01-261129-0008", "1.001193", "Đăng ký khai sinh", "001203004567",
            new DateTimeOffset(2026, 11, 29, 2, 5, 0, TimeSpan.Zero), [], []);
        var pdf = Path.Combine(_folder, "download.pdf");
        File.WriteAllBytes(pdf, ReceiptPdf.Render(receipt.Printable));

        var text = ExternalTool.Run("pdftotext", "-layout", pdf, "-");
        text.Should().Contain("PHIẾU TIẾP NHẬN HỒ SƠ").And.Contain("Dossier receipt").And.Contain("1.001193 Đăng ký khai sinh")
            .And.Contain("********4567").And.NotContain("001203004567");
        ExternalTool.Run("pdftoppm", "-r", "300", "-png", "-singlefile", pdf, Path.Combine(_folder, "download"));
        ExternalTool.Run("zbarimg", "-q", "--raw", Path.Combine(_folder, "download.png")).Trim()
            .Should().Be("K01-261129-0008|1.001193|001203004567|2026-11-29T02:05:00+00:00", "the QR code carries the lookup payload");
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
