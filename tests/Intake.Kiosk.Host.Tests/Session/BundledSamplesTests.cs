using FluentAssertions;
using Xunit;

namespace Intake.Kiosk.Host.Tests.Session;

/// <summary>The bundled samples are there and are what the fixtures draw; INTAKE_WRITE_SAMPLES=1 writes them again.</summary>
public sealed class BundledSamplesTests
{
    [Fact]
    public void The_bundled_samples_are_the_four_pages_of_a_birth_registration()
    {
        if (Environment.GetEnvironmentVariable("INTAKE_WRITE_SAMPLES") == "1") BundledSamples.Write(BundledSamples.Folder);
        Directory.GetFiles(BundledSamples.Folder, "*.jpg").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Should().Equal(BundledSamples.Files);
    }
}
