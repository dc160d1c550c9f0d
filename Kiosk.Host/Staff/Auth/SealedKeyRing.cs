using System.Text;
using System.Xml.Linq;
using Intake.Sync.Store;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Intake.Kiosk.Host.Staff.Auth;

/// <summary>
/// The sign-in cookie's data-protection keys (DATA/staff-keys/*.xml) sealed with the store's key (AES-256-GCM,
/// <see cref="SealedFile"/>), so the key ring at rest follows the store's rule and a copy of the data folder without
/// the key file cannot forge a desk session.
/// </summary>
internal sealed class SealedKeyRingEncryptor(StoreOptions store) : IXmlEncryptor
{
    public const string Purpose = "staff-keys/key-ring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var sealedBytes = SealedFile.Seal(store, Purpose, Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        return new EncryptedXmlInfo(new XElement("sealedWithStoreKey", Convert.ToBase64String(sealedBytes)), typeof(SealedKeyRingDecryptor));
    }
}

/// <summary>Opens what <see cref="SealedKeyRingEncryptor"/> sealed; made by the data-protection system from its type name.</summary>
internal sealed class SealedKeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var store = services.GetRequiredService<StaffAuthOptions>().Store;
        var plaintext = SealedFile.Open(store, SealedKeyRingEncryptor.Purpose, Convert.FromBase64String(encryptedElement.Value));
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
